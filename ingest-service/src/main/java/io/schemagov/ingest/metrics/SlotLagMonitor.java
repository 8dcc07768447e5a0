package io.schemagov.ingest.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.schemagov.ingest.capture.CaptureInstaller;
import io.schemagov.ingest.capture.CaptureSetupException;
import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.config.SlotLagProperties;
import io.schemagov.ingest.config.SourceProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads, every {@code schemagov.ingest.slot-lag.interval}, how many bytes of WAL each PostgreSQL source's replication
 * slot holds back, into the gauge {@link IngestMetrics#SLOT_LAG}. The gauge is NaN while the slot does not exist
 * or the database cannot be read, so that a dashboard shows a gap rather than a reassuring zero.
 */
@Component
public class SlotLagMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlotLagMonitor.class);
    private static final String LAG = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn) FROM pg_replication_slots"
            + " WHERE slot_name = ?";

    private final IngestProperties ingest;
    private final SlotLagProperties properties;
    private final MeterRegistry registry;
    private final CaptureInstaller connections = new CaptureInstaller();
    private volatile ScheduledExecutorService scheduler;

    public SlotLagMonitor(IngestProperties ingest, SlotLagProperties properties, MeterRegistry registry) {
        this.ingest = ingest;
        this.properties = properties;
        this.registry = registry;
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
            IngestMetrics.slotLag(registry, source.name(), lag::bytes);
            scheduler.scheduleWithFixedDelay(() -> lag.bytes = read(source), 0, properties.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private double read(SourceProperties source) {
        try (Connection connection = connections.open(source)) {
            OptionalLong bytes = lag(connection, source.slot());
            return bytes.isPresent() ? bytes.getAsLong() : Double.NaN;
        } catch (SQLException | CaptureSetupException e) {
            log.warn("source '{}': cannot read the lag of replication slot {}: {}", source.name(), source.slot(), e.getMessage());
            return Double.NaN;
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
