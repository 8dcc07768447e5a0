package io.schemagov.quickstart.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Times, one statement after the other, how long a committed {@code CREATE TABLE} without a
 * primary key takes to become a searchable {@code primary-key-missing} finding.
 */
final class DdlLatency {

    static final String RULE = "primary-key-missing";
    static final String TABLE_PREFIX = "bench_ddl_";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Connection connection;
    private final ElasticsearchProbe elasticsearch;
    private final String database;
    private final long pollNanos;

    /** {@code connection} must be in autocommit, so that {@code execute} returns with the commit done. */
    DdlLatency(Connection connection, ElasticsearchProbe elasticsearch, String database, Duration poll) {
        this.connection = connection;
        this.pollNanos = poll.toNanos();
        this.elasticsearch = elasticsearch;
        this.database = database;
    }

    /** Runs {@code warmup} statements whose latency is dropped, then {@code count} measured ones. */
    List<DdlStages.Sample> measure(int warmup, int count) throws SQLException, IOException, InterruptedException, BenchmarkTimeout {
        for (int i = 0; i < warmup; i++) {
            createAndAwait(i);
        }
        List<DdlStages.Sample> samples = new ArrayList<>(count);
        for (int i = warmup; i < warmup + count; i++) {
            samples.add(createAndAwait(i));
        }
        return samples;
    }

    /** The latency is from the commit to the first search that sees the finding. */
    private DdlStages.Sample createAndAwait(int number) throws SQLException, IOException, InterruptedException, BenchmarkTimeout {
        String table = TABLE_PREFIX + number;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public." + table + " (id bigint)");
        }
        long committed = System.nanoTime();
        long committedAt = System.currentTimeMillis();
        long deadline = committed + TIMEOUT.toNanos();
        while (elasticsearch.findings(database, table, RULE) == 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new BenchmarkTimeout("no " + RULE + " finding for " + table + " within " + TIMEOUT.toSeconds()
                        + " s of its commit");
            }
            LockSupport.parkNanos(pollNanos);
        }
        return new DdlStages.Sample(table, System.nanoTime() - committed, committedAt, System.currentTimeMillis());
    }
}
