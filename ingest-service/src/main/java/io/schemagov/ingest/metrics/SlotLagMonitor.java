package io.schemagov.ingest.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.schemagov.ingest.capture.CaptureInstaller;
import io.schemagov.ingest.capture.CaptureSetupException;
import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.config.SlotLagProperties;
import io.schemagov.ingest.config.SourceProperties;
import io.schemagov.model.SourceHealthEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads, every {@code schemagov.ingest.slot-lag.interval}, how many bytes of WAL each PostgreSQL source's replication
 * slot holds back, into the gauge {@link IngestMetrics#SLOT_LAG}. The gauge is NaN while the slot does not exist
 * or the database cannot be read, so that a dashboard shows a gap rather than a reassuring zero. Readings around
 * {@code schemagov.ingest.slot-lag.threshold} also go to the analyzer as {@link SourceHealthEvent}s
 * ({@link SlotLagReports} says which), where they become a {@code replication-slot-lag} finding and its alerts.
 */
@Component
public class SlotLagMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlotLagMonitor.class);
    private static final String LAG = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn) FROM pg_replication_slots"
            + " WHERE slot_name = ?";

    private final IngestProperties ingest;
    private final SlotLagProperties properties;
    private final MeterRegistry registry;
    private final SourceHealthSink health;
    private final Clock clock;
    private final CaptureInstaller connections = new CaptureInstaller();
    private volatile ScheduledExecutorService scheduler;

    @Autowired
    public SlotLagMonitor(IngestProperties ingest, SlotLagProperties properties, MeterRegistry registry,
                          SourceHealthSink health) {
        this(ingest, properties, registry, health, Clock.systemUTC());
    }

    SlotLagMonitor(IngestProperties ingest, SlotLagProperties properties, MeterRegistry registry, SourceHealthSink health,
                   Clock clock) {
        this.ingest = ingest;
        this.properties = properties;
        this.registry = registry;
        this.health = health;
        this.clock = clock;
    }

    /** Bytes of WAL between the server's current position and what the slot's consumer confirmed; empty without such a slot. */
    public static OptionalLong lag(Connection connection, String slot) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LAG)) {
            query.setString(1, slot);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return OptionalLong.empty();
                }
                long bytes = row.getLong(1);
                return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(bytes);
            }
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "slot-lag"));
        for (SourceProperties source : ingest.sources()) {
            if (source.isBinlog()) {
                continue; // MariaDB/MySQL keep no replication slot: the binlog's retention is the server's own setting
            }
            SlotLag lag = new SlotLag();
            SlotLagReports reports = new SlotLagReports();
            IngestMetrics.slotLag(registry, source.name(), lag::bytes);
            scheduler.scheduleWithFixedDelay(() -> {
                lag.bytes = read(source);
                if (!Double.isNaN(lag.bytes)) {
                    report(source, (long) lag.bytes, reports);
                }
            }, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private double read(SourceProperties source) {
        try (Connection connection = connections.open(source)) {
            OptionalLong bytes = lag(connection, source.slot());
            return bytes.isPresent() ? Math.max(0, bytes.getAsLong()) : Double.NaN;
        } catch (SQLException | CaptureSetupException e) {
            log.warn("source '{}': cannot read the lag of replication slot {}: {}", source.name(), source.slot(), e.getMessage());
            return Double.NaN;
        }
    }

    private void report(SourceProperties source, long lagBytes, SlotLagReports reports) {
        long threshold = properties.threshold().toBytes();
        if (!reports.shouldReport(lagBytes, threshold)) {
            return;
        }
        if (lagBytes >= threshold) {
            log.warn("source '{}': replication slot {} holds back {} bytes of WAL (threshold {})", source.name(),
                    source.slot(), lagBytes, properties.threshold());
        }
        try {
            health.publish(SourceHealthEvent.newBuilder().setDatabase(source.name()).setSlot(source.slot())
                    .setLagBytes(lagBytes).setThresholdBytes(threshold).setObservedAt(clock.instant()).build());
            reports.reported(lagBytes, threshold);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Reported again at the next reading: the decision is only recorded once Kafka took the event.
            log.warn("source '{}': cannot publish the lag of replication slot {}: {}", source.name(), source.slot(),
                    e.toString());
        }
    }

    /** The last reading of one slot. */
    private static final class SlotLag {
        volatile double bytes = Double.NaN;

        double bytes() {
            return bytes;
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
