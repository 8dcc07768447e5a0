package io.schemagov.quickstart;

import io.schemagov.analyzer.AnalyzerApplication;
import io.schemagov.dashboard.DashboardApplication;
import io.schemagov.ingest.IngestApplication;
import io.schemagov.ingest.engine.IngestService;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services (ingest, analyzer, dashboard) running in this JVM against given
 * PostgreSQL, Kafka and Elasticsearch endpoints. Each service can be stopped and started
 * again on its own, as a crash-and-restart would.
 */
public final class Platform implements AutoCloseable {

    /** Where the services connect and what the ingest audits. */
    public record Settings(String kafkaBootstrapServers, String elasticsearchUrl, String sourceName, String sourceUrl,
                           String sourceUser, String sourcePassword, List<String> auditedTables, List<String> sensitiveColumns,
                           Path stateDirectory, int dashboardPort) {

        @Override
        public String toString() {
            return "Settings[kafka=" + kafkaBootstrapServers + ", elasticsearch=" + elasticsearchUrl + ", source=" + sourceName
                    + " " + sourceUrl + " as " + sourceUser + ", audited=" + auditedTables + "]";
        }
    }

    /** The dashboard's admin user in the embedded default. */
    public static final String DASHBOARD_USER = "admin";
    /** Sets the admin password; without it every start makes a new random one. */
    public static final String DASHBOARD_PASSWORD_VARIABLE = "SCHEMAGOV_DASHBOARD_ADMIN_PASSWORD";

    /** Ingest and analyzer serve only their actuator; in one JVM beside the dashboard they take any free port. */
    private static final String ACTUATOR_ON_FREE_PORT = "--server.port=0";

    /**
     * The three services share this JVM's one logging system, so each would count every log event of all three in its
     * {@code logback_events_total}, and each would add a filter that every log call of every thread runs through (the
     * ingest's Debezium threads make several debug calls per change). The ingest keeps the counter; the analyzer and
     * the dashboard go without.
     */
    private static final String NO_SECOND_LOG_COUNTER =
            "--spring.autoconfigure.exclude=org.springframework.boot.actuate.autoconfigure.metrics.LogbackMetricsAutoConfiguration";

    private final Settings settings;
    private final List<String> analyzerArguments;
    private final String dashboardPassword = newDashboardPassword();
    private final List<String> ingestArguments;
    private ConfigurableApplicationContext ingest;
    private ConfigurableApplicationContext analyzer;
    private ConfigurableApplicationContext dashboard;

    private Platform(Settings settings, List<String> analyzerArguments, List<String> ingestArguments) {
        this.settings = settings;
        this.analyzerArguments = List.copyOf(analyzerArguments);
        this.ingestArguments = List.copyOf(ingestArguments);
    }

    /** Starts the ingest (which creates the topics), then the analyzer, then the dashboard. */
    public static Platform start(Settings settings) {
        return start(settings, List.of());
    }

    /** As {@link #start(Settings)}, with more analyzer settings ({@code --key=value}), e.g. alert channels and routes. */
    public static Platform start(Settings settings, List<String> analyzerArguments) {
        return start(settings, analyzerArguments, List.of());
    }

    /** As {@link #start(Settings, List)}, with more ingest settings ({@code --key=value}), e.g. a second source. */
    public static Platform start(Settings settings, List<String> analyzerArguments, List<String> ingestArguments) {
        Platform platform = new Platform(settings, analyzerArguments, ingestArguments);
        try {
            platform.startIngest();
            platform.startAnalyzer();
            platform.startDashboard();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public synchronized void startIngest() {
        List<String> args = new ArrayList<>(List.of(
                ACTUATOR_ON_FREE_PORT,
                "--schemagov.ingest.kafka.bootstrap-servers=" + settings.kafkaBootstrapServers(),
                "--schemagov.ingest.state-directory=" + settings.stateDirectory().resolve("ingest"),
                "--schemagov.ingest.sources[0].name=" + settings.sourceName(),
                "--schemagov.ingest.sources[0].url=" + settings.sourceUrl(),
                "--schemagov.ingest.sources[0].username=" + settings.sourceUser(),
                "--schemagov.ingest.sources[0].password=" + settings.sourcePassword()));
        indexed(args, "--schemagov.ingest.sources[0].audited-tables", settings.auditedTables());
        indexed(args, "--schemagov.ingest.masking.sensitive-columns", settings.sensitiveColumns());
        args.addAll(ingestArguments);
        ingest = IngestApplication.application().run(args.toArray(String[]::new));
    }

    public synchronized void stopIngest() {
        if (ingest != null) {
            ingest.close();
            ingest = null;
        }
    }

    /**
     * Stops or restarts the ingest's change streams only, while the rest of the ingest (its slot lag monitor, its
     * probes) keeps running: the replication slot then stops advancing, as when a stream is stuck.
     */
    public synchronized void streams(boolean running) {
        IngestService streams = ingest.getBean(IngestService.class);
        if (running) {
            streams.start();
        } else {
            streams.stop();
        }
    }

    public synchronized void startAnalyzer() {
        List<String> args = new ArrayList<>(List.of(
                ACTUATOR_ON_FREE_PORT,
                NO_SECOND_LOG_COUNTER,
                "--spring.elasticsearch.uris=" + settings.elasticsearchUrl(),
                "--schemagov.analyzer.kafka.bootstrap-servers=" + settings.kafkaBootstrapServers()));
        args.addAll(analyzerArguments);
        analyzer = AnalyzerApplication.application().run(args.toArray(String[]::new));
    }

    public synchronized void stopAnalyzer() {
        if (analyzer != null) {
            analyzer.close();
            analyzer = null;
        }
    }

    private void startDashboard() {
        dashboard = DashboardApplication.application().run(
                NO_SECOND_LOG_COUNTER,
                "--spring.elasticsearch.uris=" + settings.elasticsearchUrl(),
                "--server.port=" + settings.dashboardPort(),
                "--schemagov.dashboard.users[0].name=" + DASHBOARD_USER,
                "--schemagov.dashboard.users[0].password=" + dashboardPassword,
                "--schemagov.dashboard.users[0].role=ADMIN");
    }

    /** The admin password of this platform's dashboard: never logged; the quick start writes it to a private file. */
    public String dashboardPassword() {
        return dashboardPassword;
    }

    private static String newDashboardPassword() {
        String configured = System.getenv(DASHBOARD_PASSWORD_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The dashboard's base URL, e.g. {@code http://localhost:8080}. */
    public String dashboardUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) dashboard).getWebServer().getPort();
    }

    private static void indexed(List<String> args, String key, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            args.add(key + "[" + i + "]=" + values.get(i));
        }
    }

    @Override
    public synchronized void close() {
        if (dashboard != null) {
            dashboard.close();
            dashboard = null;
        }
        stopIngest();
        stopAnalyzer();
    }
}
