package io.schemagov.ingest.binlog;

import io.schemagov.ingest.capture.CaptureSetupException;
import io.schemagov.ingest.config.SourceProperties;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before the stream starts, what Debezium's binlog connector needs of a MariaDB/MySQL server: the binary
 * log on, in ROW format with FULL row images, and the grants of the connecting user (see {@link BinlogGrants}).
 * Anything missing stops start-up with the exact settings or SQL to change.
 */
public final class BinlogPrerequisites {

    private static final Logger log = LoggerFactory.getLogger(BinlogPrerequisites.class);
    /** ER_OPTION_PREVENTS_STATEMENT: the server runs with --skip-grant-tables and has no grants to show. */
    private static final int GRANTS_SKIPPED = 1290;

    /** The binlog settings of a server. */
    record ServerSettings(boolean logBin, String binlogFormat, String binlogRowImage) {
    }

    public void check(Connection connection, SourceProperties source) {
        List<String> problems = new ArrayList<>();
        try {
            problems.addAll(settingProblems(settings(connection)));
            grants(connection).ifPresent(grants -> problems.addAll(BinlogGrants.missing(grants, source.database())
                    .map(missing -> List.of("user '" + source.username() + "' lacks " + String.join(", ", missing)
                            + "; run as an administrator: " + BinlogGrants.grantStatements(source.username(), source.database())))
                    .orElse(List.of())));
        } catch (SQLException e) {
            throw new CaptureSetupException("Cannot check the binlog settings of source '" + source.name() + "': "
                    + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new CaptureSetupException("Source '" + source.name() + "' (" + source.url() + ") is not ready for "
                    + "change capture:\n - " + String.join("\n - ", problems) + "\nChange these and start again.", null);
        }
    }

    /** What to change in the server's settings, one line each; empty when Debezium can stream. */
    static List<String> settingProblems(ServerSettings settings) {
        List<String> problems = new ArrayList<>();
        if (!settings.logBin()) {
            problems.add("the binary log is off: set log_bin=mysql-bin and a unique server_id in the [mysqld] section "
                    + "of the server's option file (or start it with --log-bin --server-id=1), then restart the server");
        }
        if (!"ROW".equalsIgnoreCase(settings.binlogFormat())) {
            problems.add("binlog_format is " + settings.binlogFormat() + ", must be ROW: SET GLOBAL binlog_format = 'ROW'; "
                    + "and binlog_format=ROW in the option file so it survives a restart");
        }
        if (!"FULL".equalsIgnoreCase(settings.binlogRowImage())) {
            problems.add("binlog_row_image is " + settings.binlogRowImage() + ", must be FULL: SET GLOBAL "
                    + "binlog_row_image = 'FULL'; and binlog_row_image=FULL in the option file so it survives a restart");
        }
        return problems;
    }

    /** The server's binlog settings. */
    static ServerSettings settings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT @@GLOBAL.log_bin, @@GLOBAL.binlog_format, @@GLOBAL.binlog_row_image")) {
            rs.next();
            String logBin = rs.getString(1);
            return new ServerSettings("1".equals(logBin) || "ON".equalsIgnoreCase(logBin), rs.getString(2), rs.getString(3));
        }
    }

    /** The lines of SHOW GRANTS for the connecting user, or empty when the server enforces no grants. */
    static Optional<List<String>> grants(Connection connection) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GRANTS FOR CURRENT_USER()")) {
            while (rs.next()) {
                grants.add(rs.getString(1));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == GRANTS_SKIPPED || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT)
                    .contains("skip-grant-tables")) {
                log.warn("the server runs with --skip-grant-tables: the connector's grants are not checked");
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(grants);
    }
}
