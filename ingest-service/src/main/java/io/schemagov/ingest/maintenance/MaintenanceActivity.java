package io.schemagov.ingest.maintenance;

import java.time.Instant;

/**
 * One row of {@code pg_stat_progress_cluster} with its session from {@code pg_stat_activity} and the table's size
 * from {@code pg_class}: a VACUUM FULL or CLUSTER of one table, running now.
 *
 * @param command        {@code VACUUM FULL} or {@code CLUSTER}
 * @param startedMicros  query_start in microseconds since the epoch: with pid and relid, it names the run
 * @param identity       the table as {@code schema.table}, quoted where PostgreSQL would quote it
 * @param query          the statement text; null when the monitor's role may not see it
 * @param estimatedRows  pg_class.reltuples (-1 when never analysed)
 * @param totalPages     pages of the heap, its TOAST table and all indexes
 */
record MaintenanceActivity(int pid, long relid, String command, long startedMicros, String phase, String schema,
                           String table, String identity, String indexName, String query, String role,
                           String application, String clientAddress, long estimatedRows, long pages, long totalPages,
                           long blockSize) {

    /** What tells one run from another: a restarted ingest finds the same key, and so the same source position. */
    String key() {
        return "maintenance/" + pid + "/" + startedMicros + "/" + relid;
    }

    Instant startedAt() {
        return Instant.ofEpochSecond(Math.floorDiv(startedMicros, 1_000_000), Math.floorMod(startedMicros, 1_000_000) * 1000L);
    }
}
