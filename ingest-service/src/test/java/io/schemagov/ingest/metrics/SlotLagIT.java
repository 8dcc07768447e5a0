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
                true, "", "", false, null, 0);
        SlotLagMonitor monitor = new SlotLagMonitor(new IngestProperties(List.of(withSlot, withoutSlot, binlog), null,
                null, null), new SlotLagProperties(Duration.ofSeconds(1)), registry);
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

    private static double lag(SimpleMeterRegistry registry, String source) {
        return registry.get(IngestMetrics.SLOT_LAG).tag("source", source).gauge().value();
    }

    private static SourceProperties source(String name, String slot) {
        return new SourceProperties(name, postgres.jdbcUrl(DATABASE), PostgresServer.USER, PostgresServer.PASSWORD, List.of(),
                List.of(), true, slot, "", false, null, 0);
    }
}
