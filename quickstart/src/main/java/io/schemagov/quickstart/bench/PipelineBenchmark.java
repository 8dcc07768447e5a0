package io.schemagov.quickstart.bench;

import io.schemagov.devstack.DevStack;
import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.ProcessCpu;
import io.schemagov.quickstart.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * Measures, on a fresh dev stack, how soon a committed DDL becomes a searchable finding and an
 * alert at a webhook, what the platform costs while nothing changes, and how many row changes per second reach
 * Kafka and Elasticsearch.
 *
 * <p>Run after {@code ./mvnw install -DskipTests} with
 * {@code ./mvnw -q -pl quickstart exec:java -Dexec.mainClass=io.schemagov.quickstart.bench.PipelineBenchmark},
 * as a user other than root. System properties:
 * <ul>
 *   <li>{@code schemagov.bench.ddls} (200): measured {@code CREATE TABLE} statements, run one after the other;</li>
 *   <li>{@code schemagov.bench.warmup} (20): statements run before them whose latency is not counted;</li>
 *   <li>{@code schemagov.bench.warmup-rows} (200000): rows inserted into the audited table first, measured apart as
 *       the cold figure: the fresh JVMs (the platform's and Elasticsearch's) spend much of that first run compiling
 *       their hot code, which a long-running deployment did long ago; 0 skips it;</li>
 *   <li>{@code schemagov.bench.rows} (200000): rows then inserted into the audited table, the warm figure;</li>
 *   <li>{@code schemagov.bench.batch} (10000): rows per insert transaction;</li>
 *   <li>{@code schemagov.bench.poll-ms} (10): how often a DDL's finding is looked for (each look is a search that costs
 *       Elasticsearch CPU, so a tighter poll slows what it measures);</li>
 *   <li>{@code schemagov.bench.alert-quiet-ms} (50, the analyzer's default): the alert group's quiet period, which
 *       a lone DDL's alert waits before it is sent;</li>
 *   <li>{@code schemagov.bench.synchronous-commit} (the server's setting): {@code synchronous_commit} of the
 *       benchmark's session; the dev stack's PostgreSQL has it off, so logical decoding sees a commit only
 *       when the WAL writer flushes it, up to a few hundred milliseconds later.</li>
 * </ul>
 * Exit status: 0 with the figures printed, 1 when a finding took over 30 s or the rows over
 * 5 minutes, 2 on any other failure.
 */
public final class PipelineBenchmark {

    private static final String DATABASE = "bench";
    private static final String AUDITED_TABLE = "public.bench_rows";
    private static final String SCHEMA_CHANGES_TOPIC = "schemagov.schema-changes";
    private static final String DATA_CHANGES_TOPIC = "schemagov.data-changes";
    private static final Duration CLEANUP_LIMIT = Duration.ofMinutes(2);
    private static final Duration IDLE_SETTLE = Duration.ofSeconds(3);
    private static final Duration IDLE = Duration.ofSeconds(10);

    private PipelineBenchmark() {
    }

    private record Outcome(int status, String text) {
    }

    public static void main(String[] args) {
        Outcome outcome;
        try {
            outcome = run(BenchOptions.fromSystemProperties());
        } catch (Throwable e) {
            // Even an Error must reach System.exit below, or lingering Kafka threads would keep exec:java waiting.
            e.printStackTrace();
            outcome = new Outcome(2, "Benchmark FAILED: " + e);
        }
        System.out.println();
        System.out.println(outcome.text());
        // Kafka's and Spring's non-daemon threads can outlive their close(); exit is the only sure way out of exec:java.
        System.exit(outcome.status());
    }

    private static Outcome run(BenchOptions options) throws Exception {
        Path root = Files.createTempDirectory("schemagov-bench-");
        System.out.println("Starting PostgreSQL, Kafka and Elasticsearch under " + root + " ...");
        DevStack stack = DevStack.start(root.resolve("servers"));
        Platform platform = null;
        try (WebhookLatency webhook = new WebhookLatency()) {
            createAuditedTable(stack.postgres());
            platform = Platform.start(settings(stack, root), alertSettings(webhook.url(), options));
            return new Outcome(0, measure(stack, options, webhook));
        } catch (BenchmarkTimeout e) {
            return new Outcome(1, "Benchmark TIMED OUT: " + e.getMessage());
        } finally {
            stopAll(platform, stack, root);
        }
    }

    /** The table exists before the ingest starts, which requires every audited table to be there. */
    private static void createAuditedTable(PostgresServer postgres) throws SQLException {
        postgres.createDatabase(DATABASE);
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + AUDITED_TABLE + " (id bigint PRIMARY KEY, label text, amount numeric(12,2),"
                    + " changed_at timestamptz, active boolean)");
        }
    }

    private static Platform.Settings settings(DevStack stack, Path root) {
        PostgresServer postgres = stack.postgres();
        return new Platform.Settings(stack.kafka().bootstrapServers(), stack.elasticsearch().httpUrl(), DATABASE,
                postgres.jdbcUrl(DATABASE), PostgresServer.USER, PostgresServer.PASSWORD, List.of(AUDITED_TABLE), List.of(),
                root.resolve("state"), 0);
    }

    /** Every finding of the benchmark database to the benchmark's webhook, with no rate limit in the way. */
    private static List<String> alertSettings(String webhookUrl, BenchOptions options) {
        String alerts = "--schemagov.analyzer.alerts.";
        return List.of(
                alerts + "group-quiet=" + options.alertQuietMillis() + "ms",
                alerts + "channels.bench.type=WEBHOOK",
                alerts + "channels.bench.url=" + webhookUrl,
                alerts + "channels.bench.rate-limit.burst=100000",
                alerts + "channels.bench.rate-limit.per-minute=1000000",
                alerts + "routes[0].databases=" + DATABASE,
                alerts + "routes[0].min-severity=INFO",
                alerts + "routes[0].channels=bench");
    }

    /** What one run found, ready to print. */
    private record Figures(String synchronousCommit, LatencySummary ddl, String ddlStages, LatencySummary alert,
                           String idle, DataChangeThroughput.Result coldRows, DataChangeThroughput.Result rows) {
    }

    /**
     * What the platform costs while nothing changes in the source, after a pause that lets the alert phase settle:
     * the floor a deployment pays around the clock, mostly the ingest's polling of its source.
     */
    private static String idleCpu() throws InterruptedException {
        Thread.sleep(IDLE_SETTLE.toMillis());
        ProcessCpu.Reading before = ProcessCpu.read();
        long start = System.nanoTime();
        Thread.sleep(IDLE.toMillis());
        ProcessCpu.Reading used = ProcessCpu.read().minus(before);
        double nanos = System.nanoTime() - start;
        return String.format(Locale.ROOT, "Idle (%d s, nothing changing): platform JVM %.1f %% of a core,"
                        + " Elasticsearch %.1f %%, PostgreSQL %.1f %%", IDLE.toSeconds(), 100 * used.jvmNanos() / nanos,
                100 * used.elasticsearchNanos() / nanos, 100 * used.postgresNanos() / nanos);
    }

    private static String measure(DevStack stack, BenchOptions options, WebhookLatency webhook) throws Exception {
        ElasticsearchProbe elasticsearch = new ElasticsearchProbe(stack.elasticsearch().httpUrl());
        try (Connection connection = stack.postgres().connect(DATABASE); Admin admin = stack.kafka().admin()) {
            connection.setAutoCommit(true);
            String synchronousCommit = synchronousCommit(connection, options);
            System.out.printf("Measuring DDL latency: %d warm-up and %d measured statements ...%n",
                    options.warmupDdls(), options.ddls());
            List<DdlStages.Sample> ddls = new DdlLatency(connection, elasticsearch, DATABASE, java.time.Duration.ofMillis(options.pollMillis()))
                    .measure(options.warmupDdls(), options.ddls());
            String stages = stages(stack, elasticsearch, ddls);
            System.out.printf("Measuring alert latency: %d warm-up and %d measured statements ...%n",
                    options.warmupDdls(), options.ddls());
            LatencySummary alert = LatencySummary.of(webhook.measure(connection, options.warmupDdls(), options.ddls()));
            System.out.printf("Measuring idle CPU: %d s with nothing changing ...%n", IDLE.toSeconds());
            String idle = idleCpu();
            DataChangeThroughput throughput = new DataChangeThroughput(connection, AUDITED_TABLE, DATABASE,
                    new KafkaRecordCount(admin, DATA_CHANGES_TOPIC), elasticsearch);
            DataChangeThroughput.Result cold = null;
            if (options.warmupRows() > 0) {
                System.out.printf("Measuring cold data-change throughput: %d rows in transactions of %d ...%n",
                        options.warmupRows(), options.batchSize());
                cold = throughput.measure(1, options.warmupRows(), options.batchSize());
            }
            System.out.printf("Measuring data-change throughput: %d rows in transactions of %d ...%n",
                    options.rows(), options.batchSize());
            DataChangeThroughput.Result rows = throughput.measure(options.warmupRows() + 1L, options.rows(), options.batchSize());
            LatencySummary ddl = LatencySummary.of(ddls.stream().map(DdlStages.Sample::latencyNanos).toList());
            return summary(new Figures(synchronousCommit, ddl, stages, alert, idle, cold, rows), options);
        }
    }

    /** Applies the option, if given, and returns the setting in force, which changes what a DDL's latency means. */
    private static String synchronousCommit(Connection connection, BenchOptions options) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (options.synchronousCommit() != null) {
                statement.execute("SET synchronous_commit = " + options.synchronousCommit());
            }
            try (ResultSet result = statement.executeQuery("SHOW synchronous_commit")) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private static String stages(DevStack stack, ElasticsearchProbe elasticsearch, List<DdlStages.Sample> ddls)
            throws Exception {
        Set<String> tables = ddls.stream().map(DdlStages.Sample::table).collect(Collectors.toSet());
        return DdlStages.describe(ddls,
                DdlStages.kafkaCreateTimes(stack.kafka().bootstrapServers(), SCHEMA_CHANGES_TOPIC, tables),
                elasticsearch.detectedAt(DATABASE, DdlLatency.TABLE_PREFIX, DdlLatency.RULE));
    }

    private static String summary(Figures figures, BenchOptions options) {
        List<String> lines = new ArrayList<>(List.of(
                String.format(Locale.ROOT, "Schemagov pipeline benchmark (%d cores, everything on one machine;"
                        + " PostgreSQL synchronous_commit=%s)", Runtime.getRuntime().availableProcessors(), figures.synchronousCommit()),
                String.format(Locale.ROOT, "DDL commit -> finding searchable: %s (after %d warm-up)", figures.ddl(),
                        options.warmupDdls()),
                figures.ddlStages(),
                String.format(Locale.ROOT, "DDL commit -> alert at the webhook: %s (group quiet period %d ms)", figures.alert(),
                        options.alertQuietMillis()),
                figures.idle()));
        if (figures.coldRows() != null) {
            lines.addAll(throughput("Data changes, cold (the services' first rows)", figures.coldRows(), options));
        }
        lines.addAll(throughput("Data changes" + (figures.coldRows() == null ? "" : ", warm"), figures.rows(), options));
        return String.join(System.lineSeparator(), lines);
    }

    private static List<String> throughput(String title, DataChangeThroughput.Result rows, BenchOptions options) {
        return List.of(
                String.format(Locale.ROOT, "%s: %d rows inserted in %.1f s (%d transactions of up to %d rows)",
                        title, rows.rows(), rows.insertSeconds(), rows.transactions(), options.batchSize()),
                String.format(Locale.ROOT, "  Debezium -> Kafka:           %,.0f rows/s (all in Kafka %.1f s after the last commit)",
                        rows.kafkaRowsPerSecond(), rows.kafkaLagSeconds()),
                String.format(Locale.ROOT, "  PostgreSQL -> Elasticsearch: %,.0f rows/s (all searchable %.1f s after the last commit)",
                        rows.elasticsearchRowsPerSecond(), rows.elasticsearchLagSeconds()),
                "  CPU per row:                 " + rows.cpuPerRow());
    }

    /** Stops everything even when one part fails to stop, and gives up rather than hang if cleanup itself hangs. */
    private static void stopAll(Platform platform, DevStack stack, Path root) {
        startCleanupWatchdog();
        if (platform != null) {
            quietly("stopping the services", platform::close);
        }
        quietly("stopping the dev stack", stack::close);
        quietly("deleting " + root, () -> deleteRecursively(root));
    }

    private static void startCleanupWatchdog() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(CLEANUP_LIMIT.toMillis());
                System.err.println("Cleanup did not finish within " + CLEANUP_LIMIT.toMinutes() + " min; exiting anyway."
                        + " The next dev stack start stops the servers left behind.");
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-cleanup-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(String what, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            System.err.println("Cleanup: " + what + " failed: " + e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
