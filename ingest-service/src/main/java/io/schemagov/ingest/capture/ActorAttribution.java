package io.schemagov.ingest.capture;

import io.schemagov.ingest.config.SourceProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the actor-recording statement trigger ({@code schemagov.record_actor()}, installed with the DDL capture) on
 * every audited table when the source attributes data changes, and takes it off when it does not. Only missing or
 * superfluous triggers are touched, so a restart changes nothing in the source.
 */
public class ActorAttribution {

    static final String TRIGGER = "schemagov_actor";
    private static final Logger log = LoggerFactory.getLogger(ActorAttribution.class);

    /** @param tables the audited tables, patterns resolved */
    public void synchronize(Connection connection, SourceProperties source, Set<String> tables) throws SQLException {
        for (String table : tables) {
            boolean present = hasTrigger(connection, table);
            String qualified = Publication.qualified(table);
            if (source.actorAttribution() && !present) {
                connection.createStatement().execute("CREATE TRIGGER " + TRIGGER + " BEFORE INSERT OR UPDATE OR DELETE "
                        + "OR TRUNCATE ON " + qualified + " FOR EACH STATEMENT EXECUTE FUNCTION schemagov.record_actor()");
                log.info("source '{}': attributing data changes of {}", source.name(), table);
            } else if (!source.actorAttribution() && present) {
                connection.createStatement().execute("DROP TRIGGER " + TRIGGER + " ON " + qualified);
                log.info("source '{}': no longer attributing data changes of {}", source.name(), table);
            }
        }
    }

    private static boolean hasTrigger(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_trigger t "
                + "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relname = ? AND t.tgname = ?")) {
            String[] parts = table.split("\\.", 2);
            statement.setString(1, parts[0]);
            statement.setString(2, parts[1]);
            statement.setString(3, TRIGGER);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
