package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Prometheus alerting rules in {@code prometheus/}: well formed, and on metrics the services really publish. */
class PrometheusAlertsTest {

    private static final Path RULES = Path.of("prometheus/schemagov-alerts.yml");

    @Test
    void everyRuleHasANameASeverityASummaryAndAnExpressionOnPublishedMetrics() throws IOException {
        Set<String> published = PublishedMetrics.names();
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> rule : rules()) {
            String name = String.valueOf(rule.get("alert"));
            alerts.add(name);
            assertThat(rule.get("labels")).as(name).isInstanceOfSatisfying(Map.class,
                    labels -> assertThat(labels.get("severity")).isIn("warning", "critical"));
            assertThat(rule.get("annotations")).as(name).isInstanceOfSatisfying(Map.class,
                    annotations -> assertThat(annotations.get("summary")).isNotNull());
            Set<String> queried = PublishedMetrics.in(String.valueOf(rule.get("expr")));
            assertThat(queried).as(name).isNotEmpty();
            assertThat(published).as(name).containsAll(queried);
        }
        assertThat(alerts).contains("SchemagovReplicationSlotLagHigh", "SchemagovReplicationSlotLagCritical");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        try (Reader in = Files.newBufferedReader(RULES)) {
            Map<String, Object> file = new Yaml().load(in);
            List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
            return groups.stream().flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
        }
    }
}
