package io.schemagov.charts;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.schemagov.analyzer.metrics.AnalyzerMetrics;
import io.schemagov.ingest.config.IngestProperties.KafkaProperties;
import io.schemagov.ingest.mapping.OutboundRecord;
import io.schemagov.ingest.metrics.IngestMetrics;
import java.time.Clock;
import java.time.Duration;
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

/**
 * The metric names the services publish, taken from their own meter classes (where the names live) as a
 * Prometheus scrape shows them, and the names a PromQL expression uses.
 */
final class PublishedMetrics {

    /** Metric names in a PromQL expression: the services' own and the Kafka client's. */
    private static final Pattern METRIC = Pattern.compile("\\b(?:schemagov|kafka)_[a-z0-9_]+");

    private PublishedMetrics() {
    }

    static Set<String> in(String query) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(query);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** What a Prometheus scraping the services reads, once each of their meters has recorded something. */
    static Set<String> names() {
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
                "schemagov.data-changes", "schemagov.dlt", "schemagov.source-health", 3, (short) 1, 1), Clock.systemUTC());
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
