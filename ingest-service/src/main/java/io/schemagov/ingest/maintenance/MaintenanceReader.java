package io.schemagov.ingest.maintenance;

import io.schemagov.ingest.capture.CaptureInstaller;
import io.schemagov.ingest.config.SourceProperties;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the VACUUM FULL and CLUSTER runs of one source's database from {@code pg_stat_progress_cluster}, over one
 * connection kept open between reads. The table being rewritten is under ACCESS EXCLUSIVE: everything here comes
 * from views and from pg_class (pages times the block size, never pg_relation_size, which would wait for the
 * lock), and the session has a short lock_timeout and statement_timeout so that no read can hang.
 */
final class MaintenanceReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceReader.class);
    static final String PRIVILEGE = "pg_read_all_stats";
    private static final String RUNS = """
            SELECT p.pid, p.relid, p.command, (extract(epoch FROM a.query_start) * 1000000)::bigint AS started,
                   p.phase, n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS identity,
                   ix.relname AS index_name, a.query, a.usename, NULLIF(a.application_name, '') AS application,
                   host(a.client_addr) AS client, c.reltuples::bigint AS rows, c.relpages::bigint AS pages,
                   c.relpages::bigint + COALESCE(t.relpages, 0)
                     + (SELECT COALESCE(sum(i.relpages), 0) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                         WHERE x.indrelid IN (c.oid, c.reltoastrelid))::bigint AS total_pages,
                   current_setting('block_size')::bigint AS block_size
              FROM pg_stat_progress_cluster p
              JOIN pg_stat_activity a ON a.pid = p.pid
              LEFT JOIN pg_class c ON c.oid = p.relid
              LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
              LEFT JOIN pg_class ix ON ix.oid = p.cluster_index_relid
             WHERE p.datid = (SELECT oid FROM pg_database WHERE datname = current_database())
            """;

    private final SourceProperties source;
    private final CaptureInstaller connections = new CaptureInstaller();
    private Connection connection;

    MaintenanceReader(SourceProperties source) {
        this.source = source;
    }

    /** Whether the role sees other roles' sessions; without it their runs are hidden (a warning says so). */
    boolean seesAllSessions() throws SQLException {
        try (Statement statement = connection().createStatement();
                ResultSet rs = statement.executeQuery("SELECT rolsuper OR pg_has_role(current_user, '" + PRIVILEGE
                        + "', 'USAGE') FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The runs visible now; {@code hidden} counts those of sessions the role may not see. */
    Runs read() throws SQLException {
        List<MaintenanceActivity> runs = new ArrayList<>();
        int hidden = 0;
        try (Statement statement = connection().createStatement(); ResultSet rs = statement.executeQuery(RUNS)) {
            while (rs.next()) {
                // Another role's session without pg_read_all_stats: pid and database only, the rest NULL.
                if (rs.getObject("relid") == null || rs.getString("command") == null || rs.getObject("started") == null) {
                    hidden++;
                    continue;
                }
                if (rs.getString("relname") == null || rs.getLong("relid") == 0) {
                    continue; // between tables of a database-wide CLUSTER, or a table of another database
                }
                runs.add(new MaintenanceActivity(rs.getInt("pid"), rs.getLong("relid"), rs.getString("command"),
                        rs.getLong("started"), rs.getString("phase"), rs.getString("nspname"), rs.getString("relname"),
                        rs.getString("identity"), rs.getString("index_name"), rs.getString("query"),
                        rs.getString("usename"), rs.getString("application"), rs.getString("client"),
                        rs.getLong("rows"), rs.getLong("pages"), rs.getLong("total_pages"), rs.getLong("block_size")));
            }
        } catch (SQLException e) {
            close(); // opened again at the next read
            throw e;
        }
        return new Runs(runs, hidden);
    }

    record Runs(List<MaintenanceActivity> visible, int hidden) {
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Connection opened = connections.open(source);
            try (Statement statement = opened.createStatement()) {
                // Never wait: a read that would is given up and tried again at the next poll.
                statement.execute("SET lock_timeout = '200ms'");
                statement.execute("SET statement_timeout = '5s'");
                statement.execute("SET application_name = 'schemagov-maintenance-monitor'");
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
            connection = opened;
        }
        return connection;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("source '{}': closing the maintenance monitor's connection failed", source.name(), e);
            }
            connection = null;
        }
    }
}
