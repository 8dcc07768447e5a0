package io.schemagov.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.SharedStack;
import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.config.SlotLagProperties;
import io.schemagov.ingest.config.SourceProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.schemagov.model.SourceHealthEvent;
import org.springframework.util.unit.DataSize;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replication slot lag read from the dev stack's PostgreSQL, for a real logical slot that nobody consumes. */
class SlotLagIT {

    private static final String DATABASE = "slot_lag_it";
    private static final String SLOT = "schemagov_slot_lag_it";
    private static final PostgresServer postgres = SharedStack.postgres();

    @BeforeAll
    static void createSlotAndWriteWal() throws SQLException {
        postgres.createDatabase(DATABASE);
        try (Connection connection = postgres.connect(DATABASE); Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'");
            sql.execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
            // WAL written after the slot was created and never confirmed by a consumer.
            sql.execute("CREATE TABLE IF NOT EXISTS filler (id bigint, payload text)");
            sql.execute("INSERT INTO filler SELECT g, repeat('x', 200) FROM generate_series(1, 5000) g");
        }
    }

    @AfterAll
    static void dropSlot() throws SQLException {
        try (Connection connection = postgres.connect(DATABASE); Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_drop_replication_slot('" + SLOT + "')");
        }
    }

    @Test
    void lagOfASlotNobodyConsumesIsTheWalWrittenSince() throws SQLException {
        try (Connection connection = postgres.connect(DATABASE)) {
            assertThat(SlotLagMonitor.lag(connection, SLOT).orElseThrow()).isGreaterThan(500_000);
            assertThat(SlotLagMonitor.lag(connection, "no_such_slot")).isEmpty();
        }
    }

    @Test
    void monitorPublishesTheLagPerPostgresSourceAndNaNForASourceWithoutItsSlot() throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SourceProperties withSlot = source("lagging", SLOT);
        SourceProperties withoutSlot = source("slotless", "schemagov_no_such_slot");
        SourceProperties binlog = new SourceProperties("binlog", "jdbc:mariadb://localhost:9/shop", "u", "", List.of(), List.of(),
                true, "", "", false, null, 0, true);
        SlotLagMonitor monitor = new SlotLagMonitor(new IngestProperties(List.of(withSlot, withoutSlot, binlog), null,
                null, null), new SlotLagProperties(Duration.ofSeconds(1), DataSize.ofGigabytes(1)), registry, event -> { });
        monitor.start();
        try {
            Instant deadline = Instant.now().plusSeconds(20);
            while (Double.isNaN(lag(registry, "lagging")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(lag(registry, "lagging")).isGreaterThan(500_000);
            assertThat(lag(registry, "slotless")).isNaN();
            assertThat(registry.find(IngestMetrics.SLOT_LAG).tag("source", "binlog").gauge()).isNull();
        } finally {
            monitor.stop();
        }
    }

    @Test
    void slotOverTheThresholdIsReportedAtEveryReadingAndOnceMoreWhenItIsBackUnder() throws Exception {
        List<SourceHealthEvent> reported = new CopyOnWriteArrayList<>();
        SlotLagMonitor monitor = new SlotLagMonitor(new IngestProperties(List.of(source("reported", SLOT)), null, null, null),
                new SlotLagProperties(Duration.ofSeconds(1), DataSize.ofKilobytes(1)), new SimpleMeterRegistry(), reported::add);
        monitor.start();
        try {
            await(() -> reported.size() >= 2, "two readings over the threshold");
            assertThat(reported).allSatisfy(event -> {
                assertThat(event.getDatabase()).isEqualTo("reported");
                assertThat(event.getSlot()).isEqualTo(SLOT);
                assertThat(event.getThresholdBytes()).isEqualTo(1024);
                assertThat(event.getLagBytes()).isGreaterThan(500_000);
            });
            // The slot's consumer catches up: everything written so far is confirmed.
            try (Connection connection = postgres.connect(DATABASE); Statement sql = connection.createStatement()) {
                sql.execute("SELECT pg_replication_slot_advance('" + SLOT + "', pg_current_wal_lsn())");
            }
            await(() -> reported.get(reported.size() - 1).getLagBytes() < 1024, "a reading back under the threshold");
            int afterRecovery = reported.size();
            Thread.sleep(3_000); // three more readings, all under the threshold: nothing more to report
            assertThat(reported).hasSize(afterRecovery);
        } finally {
            monitor.stop();
            try (Connection connection = postgres.connect(DATABASE); Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO filler SELECT g, repeat('x', 200) FROM generate_series(1, 5000) g"); // lag again for the others
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!done.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(done.getAsBoolean()).as(what + " within 60 s").isTrue();
    }

    private static double lag(SimpleMeterRegistry registry, String source) {
        return registry.get(IngestMetrics.SLOT_LAG).tag("source", source).gauge().value();
    }

    private static SourceProperties source(String name, String slot) {
        return new SourceProperties(name, postgres.jdbcUrl(DATABASE), PostgresServer.USER, PostgresServer.PASSWORD, List.of(),
                List.of(), true, slot, "", false, null, 0, true);
    }
}
