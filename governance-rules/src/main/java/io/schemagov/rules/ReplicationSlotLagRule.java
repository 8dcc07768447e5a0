package io.schemagov.rules;

import io.schemagov.model.SourceHealthEvent;
import java.util.Locale;
import java.util.Optional;

/**
 * Flags a replication slot that holds back more WAL than the ingest's threshold: PostgreSQL keeps every WAL segment a
 * slot has not confirmed, so a stalled slot fills the production database's disk. HIGH from the threshold on,
 * CRITICAL from {@value #CRITICAL_FACTOR} times it; an empty result means the slot is back under the threshold.
 */
public final class ReplicationSlotLagRule {

    public static final String ID = "replication-slot-lag";
    /** How many times the threshold the lag must reach to be CRITICAL. */
    public static final long CRITICAL_FACTOR = 10;

    public static final RuleInfo INFO = new RuleInfo(ID, "Replication slot holds back WAL", Severity.HIGH,
            RuleScope.SOURCE_STATE,
            "PostgreSQL keeps every WAL segment that a replication slot has not confirmed, whatever max_wal_size says. "
                    + "When the slot's reader stops (the ingest is down, stuck or far behind, or the slot was abandoned), "
                    + "the WAL grows until the database's disk is full and the database stops accepting writes.",
            "Check that the ingest of this source is running and streaming (its log, "
                    + "schemagov_ingest_last_event_age_seconds), and look at the slot: SELECT slot_name, active, "
                    + "active_pid, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)) "
                    + "FROM pg_replication_slots. A slot nobody reads any more (active = false, its ingest "
                    + "decommissioned) must be dropped: SELECT pg_drop_replication_slot('<slot>'); a later ingest "
                    + "start creates a new slot and takes a new baseline. To cap the damage, set "
                    + "max_slot_wal_keep_size so that PostgreSQL invalidates a runaway slot before the disk fills.",
            "-- the ingest stopped while the application keeps writing:\n"
                    + "INSERT INTO orders SELECT g FROM generate_series(1, 10000000) g;",
            "-- the ingest streaming, or an abandoned slot dropped:\n"
                    + "SELECT pg_drop_replication_slot('schemagov_orders_db');");

    /** The finding about the slot while it holds back at least the threshold; empty once it is back under it. */
    public Optional<Finding> evaluate(SourceHealthEvent event) {
        long lag = event.getLagBytes();
        long threshold = event.getThresholdBytes();
        if (lag < threshold) {
            return Optional.empty();
        }
        Severity severity = lag / threshold >= CRITICAL_FACTOR ? Severity.CRITICAL : Severity.HIGH;
        String message = String.format(Locale.ROOT, "Replication slot %s of %s holds back %s of WAL (threshold %s, %.1f times)",
                event.getSlot(), event.getDatabase(), size(lag), size(threshold), (double) lag / threshold);
        return Optional.of(INFO.finding(severity, null, null, event.getSlot(), message));
    }

    /** Bytes as people read them: 1.5 GB, 740 kB, 12 B (powers of 1024, as pg_size_pretty). */
    static String size(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
