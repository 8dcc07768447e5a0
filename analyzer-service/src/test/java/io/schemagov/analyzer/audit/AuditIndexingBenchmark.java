package io.schemagov.analyzer.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.schemagov.analyzer.elasticsearch.BulkWriter;
import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.analyzer.elasticsearch.IndexSetup;
import io.schemagov.analyzer.metrics.AnalyzerMetrics;
import io.schemagov.devstack.ProcessCpu;
import io.schemagov.devstack.SharedStack;
import io.schemagov.model.AuditLink;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.Operation;
import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * Prints what indexing audit records costs: rows per second through {@link AuditDocuments} and {@link BulkWriter}
 * into a real Elasticsearch of the dev stack, and the CPU time each row costs Elasticsearch and the analyzer's
 * thread, so that a leaner mapping or a larger bulk can be judged by figures (CPU time stays meaningful on a
 * machine shared with other work, where wall time does not). Not a test: it asserts nothing and is run by hand:
 * <pre>
 * ./mvnw -q install -DskipTests
 * ./mvnw -q -pl analyzer-service test-compile exec:java -Dexec.mainClass=io.schemagov.analyzer.audit.AuditIndexingBenchmark -Dexec.classpathScope=test
 * </pre>
 * {@code -Dschemagov.bench.rows} (default 200,000) rows of an 8-column table, two thirds updates, in bulks of
 * {@code -Dschemagov.bench.bulk} (default 2,000, the analyzer's {@code max-poll-records}); the first
 * {@code -Dschemagov.bench.warmup} rows (default 40,000) are written but not measured.
 */
public final class AuditIndexingBenchmark {

    private static final String DATABASE = "bench_audit";

    private AuditIndexingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("schemagov.bench.rows", 200_000);
        int bulk = Integer.getInteger("schemagov.bench.bulk", 2_000);
        int warmup = Integer.getInteger("schemagov.bench.warmup", 40_000);
        try (RestClient rest = RestClient.builder(HttpHost.create(SharedStack.elasticsearch().httpUrl())).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            new IndexSetup(client, SharedStack.elasticsearch().httpUrl()).ensureIndices();
            BulkWriter writer = new BulkWriter(client, new AnalyzerMetrics(new SimpleMeterRegistry()),
                    Integer.getInteger("schemagov.bench.bulk-concurrency", 2));
            AuditDocuments documents = new AuditDocuments();

            write(writer, documents, 0, warmup, bulk);
            long cpuBefore = ProcessCpu.elasticsearchNanos();
            long threadBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long started = System.nanoTime();
            write(writer, documents, warmup, warmup + rows, bulk);
            long wall = System.nanoTime() - started;
            long thread = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadBefore;
            long elasticsearchCpu = ProcessCpu.elasticsearchNanos() - cpuBefore;
            client.indices().refresh(r -> r.index(ElasticsearchIndices.AUDIT_ALIAS));
            long stored = client.count(c -> c.index(ElasticsearchIndices.AUDIT_ALIAS)
                    .query(q -> q.term(t -> t.field("database").value(DATABASE)))).count();

            System.out.printf("%nAudit indexing, %,d rows in bulks of %,d after %,d warm-up rows (%,d stored)%n",
                    rows, bulk, warmup, stored);
            System.out.printf("  rows/s (wall):                    %,.0f%n", rows / (wall / 1e9));
            System.out.printf("  Elasticsearch CPU per row:        %.1f µs%n", elasticsearchCpu / 1e3 / rows);
            System.out.printf("  analyzer thread CPU per row:      %.1f µs (document, JSON, HTTP)%n", thread / 1e3 / rows);
            System.out.printf("  rows per CPU-second of both:      %,.0f%n", rows / ((elasticsearchCpu + thread) / 1e9));
        }
        System.exit(0);
    }

    private static void write(BulkWriter writer, AuditDocuments documents, int from, int to, int bulk) {
        Instant indexedAt = Instant.now();
        for (int start = from; start < to; start += bulk) {
            List<IndexOperation> operations = new ArrayList<>(bulk);
            for (int i = start; i < Math.min(to, start + bulk); i++) {
                operations.add(documents.of(event(i), indexedAt));
            }
            List<BulkWriter.Rejection> rejections = writer.write(operations, false);
            if (!rejections.isEmpty()) {
                throw new IllegalStateException("Elasticsearch refused " + rejections.size() + " rows, first: "
                        + rejections.get(0).reason());
            }
        }
    }

    /** Row {@code i}: an insert of a new id, or (two times in three) an update of an earlier one. */
    private static DataChangeEvent event(int i) {
        boolean update = i % 3 != 0;
        long id = update ? i / 3 : i;
        Map<String, String> after = row(id, i);
        return DataChangeEvent.newBuilder()
                .setSource(SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase(DATABASE)
                        .setPosition(String.format("0/%08X", i)).setTransactionId(1000L + i / 10_000)
                        .setCommitTime(Instant.parse("2026-12-01T10:00:00Z").plusMillis(i)).build())
                .setSchemaName("public").setTableName("orders")
                .setOperation(update ? Operation.UPDATE : Operation.INSERT)
                .setKey(Map.of("id", Long.toString(id)))
                .setBefore(update ? row(id, i - 1) : null)
                .setAfter(after)
                .setMaskedColumns(List.of("email"))
                .setEventTime(Instant.parse("2026-12-01T10:00:00Z").plusMillis(i))
                .setChain(new AuditLink((long) i + 1, "%064x".formatted(i), "%064x".formatted(i + 1)))
                .build();
    }

    private static Map<String, String> row(long id, int version) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", Long.toString(id));
        row.put("customer_id", Long.toString(id % 5_000));
        row.put("status", version % 2 == 0 ? "paid" : "shipped");
        row.put("amount", (version % 100_000) / 100.0 + "");
        row.put("email", "***");
        row.put("note", "order " + id + " version " + version);
        row.put("changed_at", Instant.parse("2026-12-01T10:00:00Z").plus(Duration.ofSeconds(version)).toString());
        row.put("active", Boolean.toString(version % 5 != 0));
        return row;
    }
}
