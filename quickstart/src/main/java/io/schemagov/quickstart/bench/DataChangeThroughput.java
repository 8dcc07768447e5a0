package io.schemagov.quickstart.bench;

import io.schemagov.devstack.ProcessCpu;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Inserts rows into an audited table in large transactions while two watchers note when all
 * of them are in Kafka and when all are searchable audit records in Elasticsearch.
 */
final class DataChangeThroughput {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Duration KAFKA_POLL = Duration.ofMillis(20);
    private static final Duration ELASTICSEARCH_POLL = Duration.ofMillis(100);

    private final Connection connection;
    private final String table;
    private final String database;
    private final KafkaRecordCount kafka;
    private final ElasticsearchProbe elasticsearch;

    /** {@code table} is {@code schema.table}, with columns id, label, amount, changed_at and active. */
    DataChangeThroughput(Connection connection, String table, String database, KafkaRecordCount kafka, ElasticsearchProbe elasticsearch) {
        this.connection = connection;
        this.table = table;
        this.database = database;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
    }

    /**
     * All instants are {@link System#nanoTime()} readings; {@code cpu} is what the processes spent from the first insert
     * until every row was searchable.
     */
    record Result(int rows, int transactions, long insertStart, long firstCommit, long lastCommit, long allInKafka,
                  long allInElasticsearch, ProcessCpu.Reading cpu) {

        /** Microseconds of CPU per row: the platform's JVM, Elasticsearch, PostgreSQL, and all three. */
        String cpuPerRow() {
            return String.format(Locale.ROOT, "platform JVM %.0f µs, Elasticsearch %.0f µs, PostgreSQL %.0f µs: %.0f µs in all",
                    micros(cpu.jvmNanos()), micros(cpu.elasticsearchNanos()), micros(cpu.postgresNanos()), micros(cpu.totalNanos()));
        }

        private double micros(long nanos) {
            return nanos / 1e3 / rows;
        }

        double insertSeconds() {
            return seconds(lastCommit - insertStart);
        }

        double kafkaRowsPerSecond() {
            return rows / seconds(allInKafka - firstCommit);
        }

        double elasticsearchRowsPerSecond() {
            return rows / seconds(allInElasticsearch - firstCommit);
        }

        double kafkaLagSeconds() {
            return seconds(allInKafka - lastCommit);
        }

        double elasticsearchLagSeconds() {
            return seconds(allInElasticsearch - lastCommit);
        }

        private static double seconds(long nanos) {
            return nanos / 1e9;
        }
    }

    private record Commits(long start, List<Long> times) {
    }

    /** Inserts ids {@code firstId} to {@code firstId + rows - 1}, so that a second run follows the first. */
    Result measure(long firstId, int rows, int batchSize)
            throws SQLException, IOException, ExecutionException, InterruptedException, BenchmarkTimeout {
        long kafkaBefore = kafka.count();
        long auditBefore = elasticsearch.auditRecords(database, table);
        ExecutorService watchers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "bench-watcher");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // The watchers start before the first insert so that neither misses the moment it waits for.
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            Future<Long> inKafka = watchers.submit(() -> awaitCount("Kafka", kafka::count, kafkaBefore, rows, KAFKA_POLL, deadline));
            Future<Long> inElasticsearch = watchers.submit(() -> awaitCount("Elasticsearch",
                    () -> elasticsearch.auditRecords(database, table), auditBefore, rows, ELASTICSEARCH_POLL, deadline));
            ProcessCpu.Reading cpuBefore = ProcessCpu.read();
            Commits commits = insert(firstId, rows, batchSize);
            List<Long> times = commits.times();
            long searchable = completion(inElasticsearch);
            ProcessCpu.Reading cpu = ProcessCpu.read().minus(cpuBefore);
            return new Result(rows, times.size(), commits.start(), times.get(0), times.get(times.size() - 1),
                    completion(inKafka), searchable, cpu);
        } finally {
            watchers.shutdownNow();
        }
    }

    private Commits insert(long firstId, int rows, int batchSize) throws SQLException {
        String sql = "INSERT INTO " + table + " (id, label, amount, changed_at, active)"
                + " SELECT g, 'row ' || g, (g % 100000) / 100.0, now(), g % 2 = 0 FROM generate_series(?::bigint, ?::bigint) AS g";
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        List<Long> commitTimes = new ArrayList<>();
        long start = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            long last = firstId + rows - 1;
            for (long from = firstId; from <= last; from += batchSize) {
                statement.setLong(1, from);
                statement.setLong(2, Math.min(last, from + batchSize - 1));
                statement.executeUpdate();
                connection.commit();
                commitTimes.add(System.nanoTime());
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new Commits(start, commitTimes);
    }

    /** A count that may need a network round trip. */
    private interface Counter {
        long count() throws Exception;
    }

    private static long awaitCount(String where, Counter counter, long before, int rows, Duration poll, long deadline)
            throws Exception {
        long seen = counter.count() - before;
        while (seen < rows) {
            if (System.nanoTime() - deadline > 0) {
                throw new BenchmarkTimeout("only " + seen + " of " + rows + " rows reached " + where + " within "
                        + TIMEOUT.toMinutes() + " min");
            }
            Thread.sleep(poll.toMillis());
            seen = counter.count() - before;
        }
        return System.nanoTime();
    }

    private static long completion(Future<Long> watcher) throws InterruptedException, BenchmarkTimeout {
        try {
            return watcher.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BenchmarkTimeout timeout) {
                throw timeout;
            }
            throw new IllegalStateException("watcher failed: " + e.getCause(), e.getCause());
        }
    }
}
