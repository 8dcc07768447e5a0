package io.schemagov.ingest.capture;

import io.schemagov.ingest.config.SourceProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the source's publication equal to the configured audited tables. The DDL messages
 * travel through the replication slot whatever the publication holds, so an empty
 * publication is fine when nothing is audited.
 */
public class Publication {

    private static final Logger log = LoggerFactory.getLogger(Publication.class);

    /** @return the audited tables, patterns resolved */
    public Set<String> synchronize(Connection connection, SourceProperties source) throws SQLException {
        Set<String> wanted = AuditedTables.resolve(connection, source);
        String publication = quote(source.publication());
        if (!exists(connection, source.publication())) {
            connection.createStatement().execute("CREATE PUBLICATION " + publication);
        }
        Set<String> current = publishedTables(connection, source.publication());
        for (String table : wanted) {
            if (!current.contains(table)) {
                connection.createStatement().execute("ALTER PUBLICATION " + publication + " ADD TABLE " + qualified(table));
                log.info("source '{}': auditing data changes of {}", source.name(), table);
            }
            if (source.replicaIdentityFull()) {
                ensureReplicaIdentityFull(connection, table);
            }
        }
        for (String table : current) {
            if (!wanted.contains(table)) {
                connection.createStatement().execute("ALTER PUBLICATION " + publication + " DROP TABLE " + qualified(table));
                log.info("source '{}': no longer auditing {}", source.name(), table);
            }
        }
        return wanted;
    }

    /** Before images of updates and deletes need every column, not only the key. */
    private static void ensureReplicaIdentityFull(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT c.relreplident FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
            String[] parts = table.split("\\.", 2);
            statement.setString(1, parts[0]);
            statement.setString(2, parts[1]);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next() && !"f".equals(rs.getString(1))) {
                    connection.createStatement().execute("ALTER TABLE " + qualified(table) + " REPLICA IDENTITY FULL");
                }
            }
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_publication WHERE pubname = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Set<String> publishedTables(Connection connection, String name) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT schemaname || '.' || tablename FROM pg_publication_tables WHERE pubname = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    static String qualified(String table) {
        String[] parts = table.split("\\.", 2);
        return quote(parts[0]) + "." + quote(parts[1]);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
