package io.schemagov.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.SharedStack;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import io.schemagov.rules.Finding;
import io.schemagov.rules.Severity;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TRUNCATE, VACUUM FULL and CLUSTER, which fire no event trigger, seen on the real PostgreSQL through the ingest and
 * judged by the rules: the TRUNCATE trigger with the rows the table held just before, CASCADE, rollback, a capture
 * that fails without failing the TRUNCATE, tables created after the install; and the maintenance monitor, with
 * VACUUM FULL and CLUSTER made to last by an index expression that waits on an advisory lock the test holds.
 */
class MaintenanceCaptureIT {

    private static final String DATABASE = "maintenance_it";
    private static final long ADVISORY_KEY = 4242;
    private static WatchedDatabase db;

    @BeforeAll
    static void start() throws Exception {
        PostgresServer postgres = SharedStack.postgres();
        postgres.createDatabase(DATABASE);
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            // Created before the ingest starts: the install must equip existing tables.
            for (String sql : List.of(
                    "DROP TABLE IF EXISTS existing_orders, order_items, orders, customers, rolled_back, broken, slow, "
                            + "made_later, made_as, made_into, parted CASCADE",
                    "CREATE TABLE existing_orders (id bigint PRIMARY KEY, note text)",
                    "INSERT INTO existing_orders SELECT g, repeat('n', 50) FROM generate_series(1, 2000) g",
                    "CREATE TABLE customers (id bigint PRIMARY KEY)",
                    "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers)",
                    "CREATE TABLE order_items (id bigint PRIMARY KEY, order_id bigint REFERENCES orders)",
                    "INSERT INTO customers SELECT g FROM generate_series(1, 100) g",
                    "INSERT INTO orders SELECT g, 1 + g % 100 FROM generate_series(1, 500) g",
                    "INSERT INTO order_items SELECT g, 1 + g % 500 FROM generate_series(1, 1000) g",
                    "CREATE TABLE rolled_back (id int)",
                    "INSERT INTO rolled_back VALUES (1)",
                    "CREATE TABLE broken (id int)",
                    "INSERT INTO broken VALUES (1)",
                    // An IMMUTABLE lie on purpose: rebuilding the index waits while the test holds the advisory lock.
                    "CREATE OR REPLACE FUNCTION wait_for_test(k bigint, v bigint) RETURNS bigint LANGUAGE plpgsql "
                            + "IMMUTABLE AS $$ BEGIN PERFORM pg_advisory_lock_shared(k); "
                            + "PERFORM pg_advisory_unlock_shared(k); RETURN v; END $$",
                    "CREATE TABLE slow (id bigint PRIMARY KEY, pad text)",
                    "INSERT INTO slow SELECT g, repeat('x', 100) FROM generate_series(1, 3000) g",
                    "CREATE INDEX slow_wait ON slow ((wait_for_test(" + ADVISORY_KEY + ", id)))",
                    "ANALYZE existing_orders, customers, orders, order_items, slow")) {
                statement.execute(sql);
            }
        }
        db = WatchedDatabase.start(DATABASE, "maintenance", "schemagov.ingest.maintenance-poll=200ms");
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void truncateOfATableWithRowsArrivesWithTheRowsItHeldJustBefore() throws Exception {
        assertThat(triggers("existing_orders")).as("installed on a table that existed before").isEqualTo(1);

        db.sql("TRUNCATE existing_orders");

        SchemaChangeEvent event = db.awaitStatement("TRUNCATE existing_orders");
        assertThat(event.getCommandTag()).isEqualTo("TRUNCATE TABLE");
        assertThat(event.getObjectType()).isEqualTo("table");
        assertThat(event.getObjectIdentity()).isEqualTo("public.existing_orders");
        assertThat(event.getActor().getRole()).isEqualTo(PostgresServer.USER);
        assertThat(event.getLockTimeoutMs()).isZero();
        assertThat(event.getCaptureError()).isNull();
        TableSnapshot before = event.getTables().get(0);
        assertThat(before.getEstimatedRows()).isEqualTo(2000);
        assertThat(before.getSizeBytes()).isPositive();
        assertThat(before.getColumns()).extracting(c -> c.getName()).containsExactly("id", "note");
        assertThat(db.value("SELECT count(*) FROM existing_orders WHERE id > ?", 0)).isEqualTo(0L);

        List<Finding> findings = WatchedDatabase.findings(event, "table-truncated");
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.message()).startsWith("TRUNCATE emptied public.existing_orders (≈2k rows, ");
        });
        assertThat(WatchedDatabase.firedRules(event)).contains("table-truncated")
                .doesNotContain("capture-incomplete", "vacuum-full-or-cluster");
    }

    @Test
    void truncateCascadeGivesAnEventForEachTableItEmptied() throws Exception {
        String statement = "TRUNCATE customers CASCADE";
        db.sql(statement);

        SchemaChangeEvent customers = db.await(e -> statement.equals(e.getStatement())
                && "public.customers".equals(e.getObjectIdentity()));
        SchemaChangeEvent orders = db.await(e -> statement.equals(e.getStatement())
                && "public.orders".equals(e.getObjectIdentity()));
        SchemaChangeEvent items = db.await(e -> statement.equals(e.getStatement())
                && "public.order_items".equals(e.getObjectIdentity()));
        assertThat(customers.getObjects()).extracting(o -> o.getObjectIdentity())
                .containsExactly("public.customers", "public.orders");
        assertThat(orders.getObjects()).extracting(o -> o.getObjectIdentity())
                .containsExactly("public.orders", "public.order_items");
        assertThat(items.getTables().get(0).getEstimatedRows()).isEqualTo(1000);

        assertThat(WatchedDatabase.findings(customers, "table-truncated")).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.message()).contains("TRUNCATE ... CASCADE emptied public.customers (≈100 rows")
                    .contains("the cascade also empties the tables referencing it: public.orders");
        });
        assertThat(WatchedDatabase.findings(items, "table-truncated")).extracting(Finding::severity)
                .containsExactly(Severity.CRITICAL);
    }

    @Test
    void aRolledBackTruncateLeavesNothing() throws Exception {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("TRUNCATE rolled_back");
            connection.rollback();
        }
        db.sql("COMMENT ON TABLE rolled_back IS 'after the rollback'");

        db.awaitStatement("COMMENT ON TABLE rolled_back IS 'after the rollback'");
        assertThat(db.seen()).noneMatch(e -> "TRUNCATE rolled_back".equals(e.getStatement()));
        assertThat(db.value("SELECT count(*) FROM rolled_back WHERE id = ?", 1)).isEqualTo(1L);
    }

    @Test
    void aTruncateNeverFailsBecauseOfTheCapture() throws Exception {
        // The snapshot function missing for one transaction: the capture fails, the TRUNCATE does not.
        db.transaction("ALTER FUNCTION schemagov.table_snapshot(oid) RENAME TO table_snapshot_away",
                "TRUNCATE broken",
                "ALTER FUNCTION schemagov.table_snapshot_away(oid) RENAME TO table_snapshot");

        SchemaChangeEvent event = db.awaitStatement("TRUNCATE broken");
        assertThat(event.getCaptureError()).contains("table_snapshot");
        assertThat(event.getTables()).isEmpty();
        assertThat(WatchedDatabase.firedRules(event)).contains("table-truncated", "capture-incomplete");
        assertThat(WatchedDatabase.findings(event, "table-truncated")).extracting(Finding::message)
                .singleElement().asString().contains("rows before it unknown");
        assertThat(db.value("SELECT count(*) FROM broken WHERE id = ?", 1)).isEqualTo(0L);
    }

    @Test
    void aTableCreatedAfterTheInstallGetsTheTriggerWithoutAnEventOfItsOwn() throws Exception {
        db.sql("CREATE TABLE made_later (id int)",
                "CREATE TABLE made_as AS SELECT 1 AS id",
                "SELECT 1 AS id INTO made_into",
                "CREATE TABLE parted (id int) PARTITION BY RANGE (id)",
                "CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (100)",
                "CREATE TEMP TABLE scratch (id int)");

        for (String table : List.of("made_later", "made_as", "made_into", "parted", "parted_1")) {
            assertThat(triggers(table)).as("trigger on %s", table).isEqualTo(1);
        }
        db.sql("TRUNCATE made_as");
        SchemaChangeEvent truncated = db.awaitStatement("TRUNCATE made_as");
        assertThat(truncated.getTables().get(0).getSizeBytes()).isPositive();
        db.sql("DROP TABLE made_later");
        SchemaChangeEvent dropped = db.awaitStatement("DROP TABLE made_later");
        assertThat(dropped.getDroppedObjects()).extracting(o -> o.getObjectIdentity())
                .noneMatch(identity -> identity.startsWith("schemagov_truncate"));
        assertThat(db.seen()).extracting(SchemaChangeEvent::getCommandTag).doesNotContain("CREATE TRIGGER",
                "DROP TRIGGER");
    }

    @Test
    void aRoleThatIsNoSuperuserHasItsTablesEquippedAndItsTruncateSeen() throws Exception {
        db.sql("DO $$ BEGIN CREATE ROLE maintenance_app LOGIN PASSWORD 'app-password-1'; "
                        + "EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "GRANT CREATE ON SCHEMA public TO maintenance_app");
        try (Connection app = java.sql.DriverManager.getConnection(SharedStack.postgres().jdbcUrl(DATABASE),
                "maintenance_app", "app-password-1"); Statement statement = app.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS app_owned");
            statement.execute("CREATE TABLE app_owned (id int)");
            statement.execute("INSERT INTO app_owned VALUES (1)");
            statement.execute("TRUNCATE app_owned");
        }

        SchemaChangeEvent created = db.awaitStatement("CREATE TABLE app_owned (id int)");
        assertThat(created.getActor().getRole()).isEqualTo("maintenance_app");
        assertThat(created.getCaptureError()).isNull();
        assertThat(triggers("app_owned")).isEqualTo(1);
        SchemaChangeEvent truncated = db.awaitStatement("TRUNCATE app_owned");
        assertThat(truncated.getActor().getRole()).isEqualTo("maintenance_app");
        assertThat(truncated.getTables().get(0).getSizeBytes()).isPositive();
    }

    @Test
    void vacuumFullIsSeenWhileItRunsWithItsActorAndStatement() throws Exception {
        SchemaChangeEvent event = whileBlocked("VACUUM FULL slow", "vacuum-full-test",
                e -> "VACUUM FULL".equals(e.getCommandTag()) && "public.slow".equals(e.getObjectIdentity())
                        && "vacuum-full-test".equals(e.getActor().getApplication()));

        assertThat(event.getStatement()).isEqualTo("VACUUM FULL slow");
        assertThat(event.getActor().getRole()).isEqualTo(PostgresServer.USER);
        assertThat(event.getActor().getApplication()).isEqualTo("vacuum-full-test");
        assertThat(event.getSource().getPosition()).startsWith("maintenance/");
        assertThat(event.getTables()).isEmpty();
        assertThat(event.getMaintenance().getEstimatedRows()).isEqualTo(3000);
        assertThat(event.getMaintenance().getSizeBytes()).isEqualTo(event.getMaintenance().getPages() * 8192)
                .isPositive();
        assertThat(event.getMaintenance().getTotalBytes()).isGreaterThan(event.getMaintenance().getSizeBytes());
        assertThat(WatchedDatabase.findings(event, "vacuum-full-or-cluster")).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.LOW);
            assertThat(finding.message()).startsWith("VACUUM FULL is rewriting public.slow under an ACCESS "
                    + "EXCLUSIVE lock (≈3k rows, ");
        });
        assertThat(WatchedDatabase.firedRules(event)).containsExactly("vacuum-full-or-cluster");
    }

    @Test
    void clusterIsSeenWhileItRunsWithTheIndexItOrdersBy() throws Exception {
        SchemaChangeEvent event = whileBlocked("CLUSTER slow USING slow_pkey", "cluster-test",
                e -> "CLUSTER".equals(e.getCommandTag()) && "public.slow".equals(e.getObjectIdentity())
                        && "cluster-test".equals(e.getActor().getApplication()));

        assertThat(event.getStatement()).isEqualTo("CLUSTER slow USING slow_pkey");
        assertThat(event.getActor().getApplication()).isEqualTo("cluster-test");
        assertThat(event.getMaintenance().getIndexName()).isEqualTo("slow_pkey");
        assertThat(WatchedDatabase.findings(event, "vacuum-full-or-cluster")).extracting(Finding::message)
                .singleElement().asString().contains("CLUSTER is rewriting public.slow in the order of index slow_pkey");
    }

    @Test
    void aRunStillGoingWhenTheIngestRestartsIsPublishedAgainUnderTheSamePosition() throws Exception {
        java.util.function.Predicate<SchemaChangeEvent> match = e -> "VACUUM FULL".equals(e.getCommandTag())
                && "restart-test".equals(e.getActor().getApplication());
        try (Connection holder = db.connect()) {
            holder.createStatement().execute("SELECT pg_advisory_lock(" + ADVISORY_KEY + ")");
            CompletableFuture<Void> run = runAsync("VACUUM FULL slow", "restart-test");
            try {
                SchemaChangeEvent before = db.await(match);
                db.close();
                db = WatchedDatabase.start(DATABASE, "maintenance", "schemagov.ingest.maintenance-poll=200ms");

                // The new collector reads the topic from its start: the first event, then the one after the restart.
                List<SchemaChangeEvent> both = awaitCount(match, 2);
                assertThat(both).extracting(e -> e.getSource().getPosition())
                        .containsOnly(before.getSource().getPosition());
                assertThat(both).extracting(SchemaChangeEvent::getEventTime).containsOnly(before.getEventTime());
                assertThat(run).isNotDone();
            } finally {
                holder.createStatement().execute("SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")");
            }
            run.get(60, TimeUnit.SECONDS);
        }
    }

    private static List<SchemaChangeEvent> awaitCount(java.util.function.Predicate<SchemaChangeEvent> match, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<SchemaChangeEvent> found = List.of();
        while (System.nanoTime() < deadline) {
            found = db.seen().stream().filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + count + " events within 60 s, found " + found.size());
    }

    /**
     * Runs the statement on a thread of its own while this test holds the advisory lock its index expression waits
     * on, and lets it finish only once its event arrived.
     */
    private static SchemaChangeEvent whileBlocked(String sql, String application,
            java.util.function.Predicate<SchemaChangeEvent> match) throws Exception {
        try (Connection holder = db.connect()) {
            holder.createStatement().execute("SELECT pg_advisory_lock(" + ADVISORY_KEY + ")");
            CompletableFuture<Void> run = runAsync(sql, application);
            SchemaChangeEvent event;
            try {
                event = db.await(match);
                assertThat(run).as("still waiting on the advisory lock when its event arrived").isNotDone();
            } finally {
                holder.createStatement().execute("SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")");
            }
            run.get(60, TimeUnit.SECONDS);
            return event;
        }
    }

    private static CompletableFuture<Void> runAsync(String sql, String application) throws SQLException {
        Connection connection = db.connect(); // taken now: db may be replaced while the statement runs
        return CompletableFuture.runAsync(() -> {
            try (connection; Statement statement = connection.createStatement()) {
                statement.execute("SET application_name = '" + application + "'");
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + " failed", e);
            }
        });
    }

    private static long triggers(String table) throws SQLException {
        try (Connection connection = db.connect(); ResultSet rs = connection.createStatement().executeQuery(
                "SELECT count(*) FROM pg_trigger WHERE tgname = 'schemagov_truncate' AND tgrelid = '" + table
                        + "'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
