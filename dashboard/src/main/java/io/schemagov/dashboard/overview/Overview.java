package io.schemagov.dashboard.overview;

import java.util.List;
import java.util.Map;

/**
 * What the overview page shows: open findings by severity, findings over time, the rules and tables with most open
 * findings, and each monitored database with its ingest status.
 *
 * @param bucket the width of one {@code timeline} bucket, e.g. {@code 1h}
 */
record Overview(Map<String, Long> openBySeverity, Map<String, Long> byStatus, String bucket,
                List<TimelineBucket> timeline, List<Count> topRules, List<TableCount> topTables,
                List<DatabaseStatus> databases) {

    /** Findings whose event falls into one bucket, by severity. */
    record TimelineBucket(long start, Map<String, Long> bySeverity) {
    }

    record Count(String key, long count) {
    }

    record TableCount(String database, String schema, String table, long count) {
    }

    /**
     * A monitored database: when its last schema change, data change and finding were seen, and the pipeline's lag
     * (median time from the change to its finding over its recent findings; null without recent findings).
     */
    record DatabaseStatus(String database, Long lastSchemaChange, Long lastDataChange, Long lastFinding,
                          Long pipelineLagMillis, long openFindings) {
    }
}
