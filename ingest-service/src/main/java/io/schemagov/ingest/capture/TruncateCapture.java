package io.schemagov.ingest.capture;

import io.schemagov.ingest.config.SourceProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the TRUNCATE trigger ({@code schemagov_truncate}, function {@code schemagov.record_truncate()} of the capture)
 * on every table of a source that lacks it, or takes it off every table when {@code truncate-capture} is off, and
 * records the setting where the capture's {@code ddl_command_end} trigger reads it for tables created later.
 * CREATE and DROP TRIGGER take a SHARE ROW EXCLUSIVE lock, which blocks writes and waits behind long transactions:
 * each table is done in a transaction of its own under a short lock_timeout, and a busy table is skipped with a
 * warning until the next start. Tables already as configured are not touched, so a restart changes nothing.
 */
public class TruncateCapture {

    static final String TRIGGER = "schemagov_truncate";
    private static final Logger log = LoggerFactory.getLogger(TruncateCapture.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String LOCK_WAIT = "2s";
    private static final String TO_CHANGE = "SELECT c.oid, format('%I.%I', n.nspname, c.relname) FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE schemagov.truncate_capturable(c.oid) "
            + "AND EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = '" + TRIGGER + "') <> ? "
            + "ORDER BY 2";

    /** @return the tables skipped because their lock did not come within the lock wait */
    public List<String> synchronize(Connection connection, SourceProperties source) throws SQLException {
        boolean enabled = source.truncateCapture();
        try (PreparedStatement setting = connection.prepareStatement(
                "UPDATE schemagov.capture_settings SET truncate_capture = ?")) {
            setting.setBoolean(1, enabled);
            setting.executeUpdate();
        }
        List<String> skipped = new ArrayList<>();
        int changed = 0;
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '" + LOCK_WAIT + "'");
            for (Table table : tablesToChange(connection, enabled)) {
                if (change(connection, table, enabled, skipped)) {
                    changed++;
                }
            }
            statement.execute("RESET lock_timeout");
        }
        if (changed > 0) {
            log.info("source '{}': TRUNCATE capture {} {} tables", source.name(), enabled ? "added to" : "removed from",
                    changed);
        }
        if (!skipped.isEmpty()) {
            log.warn("source '{}': TRUNCATE capture not {} on {} (busy: no lock within {}); tried again at the next start",
                    source.name(), enabled ? "added" : "removed", skipped, LOCK_WAIT);
        }
        return skipped;
    }

    private static List<Table> tablesToChange(Connection connection, boolean enabled) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(TO_CHANGE)) {
            query.setBoolean(1, enabled);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    tables.add(new Table(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        return tables;
    }

    /** One table in a transaction of its own (the connection is in auto-commit), so its lock is held only briefly. */
    private static boolean change(Connection connection, Table table, boolean enabled, List<String> skipped)
            throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT schemagov.set_truncate_trigger(?::oid, ?)")) {
            set.setLong(1, table.oid());
            set.setBoolean(2, enabled);
            try (ResultSet rs = set.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                skipped.add(table.name());
                return false;
            }
            throw e;
        }
    }

    private record Table(long oid, String name) {
    }
}
