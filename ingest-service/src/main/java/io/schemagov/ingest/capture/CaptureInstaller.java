package io.schemagov.ingest.capture;

import io.schemagov.ingest.config.SourceProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the DDL capture (schema {@code schemagov}, its functions and event triggers) in a
 * monitored database, idempotently. When the role may not, start-up stops with the SQL a
 * DBA must run instead.
 */
public class CaptureInstaller {

    private static final Logger log = LoggerFactory.getLogger(CaptureInstaller.class);
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final String script = loadScript();

    public void install(SourceProperties source) {
        try (Connection connection = open(source)) {
            requireLogicalWal(connection, source);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(script);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
            log.info("DDL capture installed in source '{}' ({})", source.name(), source.database());
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw new CaptureSetupException("Role '" + source.username() + "' may not install the DDL capture in source '"
                        + source.name() + "' (" + e.getMessage() + "). Event triggers need a superuser: ask a DBA to run "
                        + "this SQL in database '" + source.database() + "', then start again:\n\n" + script
                        + "\nSELECT schemagov.sync_truncate_capture(" + source.truncateCapture() + ");\n", e);
            }
            throw new CaptureSetupException("Cannot install the DDL capture in source '" + source.name() + "': " + e.getMessage(), e);
        }
    }

    /** The capture SQL itself, for a DBA to run where the ingest may not install it. */
    public String script() {
        return script;
    }

    /** Opens a connection to the source; a failure names the source, URL and user, never the password. */
    public Connection open(SourceProperties source) {
        Properties properties = new Properties();
        properties.setProperty("user", source.username());
        properties.setProperty("password", source.password());
        properties.setProperty("ApplicationName", "schemagov-ingest");
        try {
            return DriverManager.getConnection(source.url(), properties);
        } catch (SQLException e) {
            throw new CaptureSetupException("Cannot connect to source '" + source.name() + "' at " + source.url()
                    + " as '" + source.username() + "': " + e.getMessage(), e);
        }
    }

    private static void requireLogicalWal(Connection connection, SourceProperties source) throws SQLException {
        try (var rs = connection.createStatement().executeQuery("SHOW wal_level")) {
            rs.next();
            if (!"logical".equals(rs.getString(1))) {
                throw new CaptureSetupException("Source '" + source.name() + "' runs with wal_level=" + rs.getString(1)
                        + "; logical decoding needs wal_level=logical (ALTER SYSTEM SET wal_level = logical; then restart PostgreSQL).", null);
            }
        }
    }

    private static String loadScript() {
        try (InputStream in = CaptureInstaller.class.getResourceAsStream("capture.sql")) {
            if (in == null) {
                throw new IllegalStateException("capture.sql missing from the ingest jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
