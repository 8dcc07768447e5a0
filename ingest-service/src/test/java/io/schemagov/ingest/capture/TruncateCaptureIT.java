package io.schemagov.ingest.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.SharedStack;
import io.schemagov.ingest.config.SourceProperties;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Putting the TRUNCATE trigger on a real PostgreSQL's tables, and taking it off, as the ingest does at start-up. */
class TruncateCaptureIT {

    private static final String DATABASE = "truncate_sync_it";
    private static PostgresServer postgres;

    @BeforeAll
    static void installCapture() throws SQLException {
        postgres = SharedStack.postgres();
        postgres.createDatabase(DATABASE);
        new CaptureInstaller().install(source(true));
        sql("DROP TABLE IF EXISTS quiet, busy, later CASCADE", "CREATE TABLE quiet (id int)", "CREATE TABLE busy (id int)");
    }

    @Test
    void aBusyTableIsSkippedAfterTheLockWaitAndEquippedAtTheNextStart() throws Exception {
        sql("DROP TRIGGER IF EXISTS schemagov_truncate ON quiet", "DROP TRIGGER IF EXISTS schemagov_truncate ON busy");
        try (Connection writer = postgres.connect(DATABASE); Connection ingest = postgres.connect(DATABASE)) {
            writer.setAutoCommit(false);
            writer.createStatement().execute("INSERT INTO busy VALUES (1)"); // ROW EXCLUSIVE until the commit

            assertThat(new TruncateCapture().synchronize(ingest, source(true))).containsExactly("public.busy");
            assertThat(triggers("quiet")).isEqualTo(1);
            assertThat(triggers("busy")).isZero();

            writer.commit();
            assertThat(new TruncateCapture().synchronize(ingest, source(true))).isEmpty();
            assertThat(triggers("busy")).isEqualTo(1);
            assertThat(lockTimeout(ingest)).as("the session's own lock_timeout is back").isEqualTo("0");
        }
    }

    @Test
    void offTakesTheTriggersOffAndLeavesTablesCreatedLaterWithout() throws Exception {
        try (Connection ingest = postgres.connect(DATABASE)) {
            new TruncateCapture().synchronize(ingest, source(false));
            assertThat(triggers("quiet")).isZero();
            assertThat(triggers("busy")).isZero();
            sql("CREATE TABLE later (id int)");
            assertThat(triggers("later")).isZero();

            new TruncateCapture().synchronize(ingest, source(true));
            assertThat(List.of(triggers("quiet"), triggers("busy"), triggers("later"))).containsOnly(1L);
            sql("DROP TABLE later");
        }
    }

    private static SourceProperties source(boolean truncateCapture) {
        return new SourceProperties("truncates", postgres.jdbcUrl(DATABASE), PostgresServer.USER, PostgresServer.PASSWORD,
                List.of(), List.of(), true, "", "", false, null, 0, truncateCapture);
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String lockTimeout(Connection connection) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery("SHOW lock_timeout")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long triggers(String table) throws SQLException {
        try (Connection connection = postgres.connect(DATABASE); ResultSet rs = connection.createStatement().executeQuery(
                "SELECT count(*) FROM pg_trigger WHERE tgname = 'schemagov_truncate' AND tgrelid = 'public." + table
                        + "'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
