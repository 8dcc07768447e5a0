package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.schemagov.analyzer.metrics.AnalyzerMetrics;
import io.schemagov.ingest.config.IngestProperties.KafkaProperties;
import io.schemagov.ingest.mapping.OutboundRecord;
import io.schemagov.ingest.metrics.IngestMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in {@code grafana/}: it parses, takes its Prometheus from a variable, and every metric it
 * queries is one the services really publish, as their own meter classes write it in Prometheus' format.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("grafana/schemagov-dashboard.json");
    /** Metric names in a PromQL expression: the services' own and the Kafka client's. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:schemagov|kafka)_[a-z0-9_]+");

    private static JsonNode dashboard;

    @BeforeAll
    static void read() throws IOException {
        dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    @Test
    void everyQueriedMetricIsOneTheServicesPublish() {
        Set<String> published = publishedMetricNames();
        Set<String> queried = new TreeSet<>();
        queries().forEach(query -> queried.addAll(metricsIn(query)));

        assertThat(queried).contains("schemagov_ingest_replication_slot_lag_bytes", "schemagov_ingest_last_event_age_seconds",
                "schemagov_analyzer_rules_evaluation_seconds_bucket", "schemagov_analyzer_elasticsearch_bulk_seconds_bucket",
                "schemagov_analyzer_dead_letters_total");
        assertThat(published).containsAll(queried);
    }

    @Test
    void everyPanelQueriesAMetricThroughTheDatasourceVariable() {
        assertThat(dashboard.path("templating").path("list")).anySatisfy(variable -> {
            assertThat(variable.path("name").asText()).isEqualTo("datasource");
            assertThat(variable.path("type").asText()).isEqualTo("datasource");
            assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        });
        assertThat(dashboard.path("panels")).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty().allSatisfy(target -> {
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                assertThat(metricsIn(target.path("expr").asText())).as(target.path("expr").asText()).isNotEmpty();
            });
        });
    }

    @Test
    void panelIdsAreUniqueAndPanelsDoNotOverlap() {
        Set<Integer> ids = new TreeSet<>();
        List<int[]> boxes = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("id of " + panel.path("title").asText()).isTrue();
            JsonNode at = panel.path("gridPos");
            int[] box = {at.path("x").asInt(), at.path("y").asInt(), at.path("w").asInt(), at.path("h").asInt()};
            assertThat(box[0] + box[2]).as("width of " + panel.path("title").asText()).isLessThanOrEqualTo(24);
            for (int[] other : boxes) {
                boolean apart = box[0] + box[2] <= other[0] || other[0] + other[2] <= box[0]
                        || box[1] + box[3] <= other[1] || other[1] + other[3] <= box[1];
                assertThat(apart).as(panel.path("title").asText() + " overlaps another panel").isTrue();
            }
            boxes.add(box);
        }
    }

    private static List<String> queries() {
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> queries.add(target.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(variable -> queries.add(variable.path("definition").asText()));
        return queries;
    }

    private static Set<String> metricsIn(String query) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(query);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** What a Prometheus scraping the services reads, once each of their meters has recorded something. */
    private static Set<String> publishedMetricNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AnalyzerMetrics analyzer = new AnalyzerMetrics(registry);
        analyzer.event("schemagov.schema-changes", false);
        analyzer.finding("HIGH");
        analyzer.deadLetters("analyzer", 1);
        analyzer.timeRules(() -> null);
        analyzer.bulk(true, Duration.ofMillis(5));
        analyzer.bulkFailures("request", 1);
        analyzer.alert("ops", true);
        IngestMetrics ingest = new IngestMetrics(registry, new KafkaProperties("localhost:9092", "schemagov.schema-changes",
                "schemagov.data-changes", "schemagov.dlt", 3, (short) 1, 1), Clock.systemUTC());
        ingest.source("orders-db").published(List.of(OutboundRecord.of("schemagov.dlt", "key", new byte[0])));
        IngestMetrics.slotLag(registry, "orders-db", () -> 1024);
        // The analyzer binds its consumers' own metrics; a consumer that never polls connects nowhere.
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "localhost:9", ConsumerConfig.GROUP_ID_CONFIG, "dashboard-test"), new StringDeserializer(), new ByteArrayDeserializer());
             KafkaClientMetrics kafka = new KafkaClientMetrics(consumer)) {
            kafka.bindTo(registry);
            Set<String> names = new TreeSet<>();
            for (String line : registry.scrape().split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.split("[{ ]", 2)[0]);
                }
            }
            return names;
        }
    }
}
