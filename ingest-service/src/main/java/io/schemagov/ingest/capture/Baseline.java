package io.schemagov.ingest.capture;

import io.schemagov.ingest.config.SourceProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the baseline of a source: its whole existing schema, one event per table, sent down
 * the replication slot like any DDL so it is analysed by the same path. Taken once per slot,
 * and only once the slot exists, so that no baseline message can be missed.
 */
public class Baseline {

    private static final Logger log = LoggerFactory.getLogger(Baseline.class);

    public void takeOnce(Connection connection, SourceProperties source, Duration slotTimeout) throws SQLException {
        awaitSlot(connection, source, slotTimeout);
        try (PreparedStatement statement = connection.prepareStatement("SELECT schemagov.take_baseline(?, ?)")) {
            statement.setString(1, source.slot());
            statement.setArray(2, connection.createArrayOf("text", source.schemas().toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                int tables = rs.getInt(1);
                if (tables >= 0) {
                    log.info("source '{}': baseline of {} tables sent for analysis", source.name(), tables);
                } else {
                    log.debug("source '{}': baseline already taken for slot {}", source.name(), source.slot());
                }
            }
        }
    }

    private static void awaitSlot(Connection connection, SourceProperties source, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, source.slot());
            while (true) {
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new CaptureSetupException("source '" + source.name() + "': replication slot " + source.slot()
                            + " was not created within " + timeout.toSeconds() + " s; see the Debezium errors above", null);
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CaptureSetupException("interrupted while waiting for the replication slot", e);
        }
    }
}
