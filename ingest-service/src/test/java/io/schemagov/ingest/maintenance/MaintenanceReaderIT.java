package io.schemagov.ingest.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.SharedStack;
import io.schemagov.ingest.config.SourceProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The maintenance monitor's reads on a real PostgreSQL, while a VACUUM FULL holds its table under ACCESS EXCLUSIVE
 * (kept running by an index expression that waits on an advisory lock the test holds): they answer instead of
 * waiting, and a role without pg_read_all_stats learns that runs are hidden from it rather than seeing nothing.
 */
class MaintenanceReaderIT {

    private static final String DATABASE = "maintenance_reader_it";
    private static final String WATCHER = "maintenance_watcher";
    private static final String WATCHER_PASSWORD = "watcher-password-1";
    private static final long ADVISORY_KEY = 4343;
    private static PostgresServer postgres;

    @BeforeAll
    static void createTable() throws SQLException {
        postgres = SharedStack.postgres();
        postgres.createDatabase(DATABASE);
        sql("DO $$ BEGIN CREATE ROLE " + WATCHER + " LOGIN PASSWORD '" + WATCHER_PASSWORD + "'; "
                        + "EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "REVOKE pg_read_all_stats FROM " + WATCHER,
                "DROP TABLE IF EXISTS rewritten",
                "CREATE OR REPLACE FUNCTION wait_for_reader_test(k bigint, v bigint) RETURNS bigint LANGUAGE plpgsql "
                        + "IMMUTABLE AS $$ BEGIN PERFORM pg_advisory_lock_shared(k); "
                        + "PERFORM pg_advisory_unlock_shared(k); RETURN v; END $$",
                "CREATE TABLE rewritten (id bigint PRIMARY KEY, pad text)",
                "INSERT INTO rewritten SELECT g, repeat('x', 200) FROM generate_series(1, 5000) g",
                "CREATE INDEX rewritten_wait ON rewritten ((wait_for_reader_test(" + ADVISORY_KEY + ", id)))",
                "ANALYZE rewritten");
    }

    @Test
    void readsTheRunWithoutWaitingAndTellsARoleWithoutPrivilegeThatRunsAreHidden() throws Exception {
        try (Connection holder = postgres.connect(DATABASE);
                MaintenanceReader superuser = new MaintenanceReader(source(PostgresServer.USER, PostgresServer.PASSWORD));
                MaintenanceReader watcher = new MaintenanceReader(source(WATCHER, WATCHER_PASSWORD))) {
            holder.createStatement().execute("SELECT pg_advisory_lock(" + ADVISORY_KEY + ")");
            CompletableFuture<Void> vacuum = CompletableFuture.runAsync(() -> {
                try {
                    sql("VACUUM FULL rewritten");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                MaintenanceReader.Runs seen = awaitRun(superuser, runs -> !runs.visible().isEmpty());
                MaintenanceActivity run = seen.visible().get(0);
                assertThat(run.command()).isEqualTo("VACUUM FULL");
                assertThat(run.identity()).isEqualTo("public.rewritten");
                assertThat(run.query()).isEqualTo("VACUUM FULL rewritten");
                assertThat(run.estimatedRows()).isEqualTo(5000);
                assertThat(run.pages()).isPositive();
                assertThat(run.totalPages()).isGreaterThan(run.pages());
                assertThat(superuser.seesAllSessions()).isTrue();
                assertThat(vacuum).as("the reads did not wait for the VACUUM FULL's lock, nor it for them").isNotDone();

                assertThat(watcher.seesAllSessions()).isFalse();
                MaintenanceReader.Runs hidden = watcher.read();
                assertThat(hidden.visible()).isEmpty();
                assertThat(hidden.hidden()).isEqualTo(1);

                sql("GRANT pg_read_all_stats TO " + WATCHER);
                assertThat(watcher.seesAllSessions()).isTrue();
                assertThat(watcher.read().visible()).extracting(MaintenanceActivity::key)
                        .containsExactly(run.key());
            } finally {
                holder.createStatement().execute("SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")");
                sql("REVOKE pg_read_all_stats FROM " + WATCHER);
            }
            vacuum.get(60, TimeUnit.SECONDS);
            assertThat(superuser.read().visible()).as("finished").isEmpty();
        }
    }

    private static MaintenanceReader.Runs awaitRun(MaintenanceReader reader,
            java.util.function.Predicate<MaintenanceReader.Runs> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            MaintenanceReader.Runs runs = reader.read();
            if (done.test(runs)) {
                return runs;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no VACUUM FULL seen within 60 s");
    }

    private static SourceProperties source(String user, String password) {
        return new SourceProperties("reader", postgres.jdbcUrl(DATABASE), user, password, List.of(), List.of(), true, "",
                "", false, null, 0, true);
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
