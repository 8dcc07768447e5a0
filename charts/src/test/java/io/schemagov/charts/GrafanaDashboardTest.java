package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in {@code grafana/}: it parses, takes its Prometheus from a variable, and every metric it
 * queries is one the services really publish, as their own meter classes write it in Prometheus' format.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("grafana/schemagov-dashboard.json");

    private static JsonNode dashboard;

    @BeforeAll
    static void read() throws IOException {
        dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    @Test
    void everyQueriedMetricIsOneTheServicesPublish() {
        Set<String> published = PublishedMetrics.names();
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
        return PublishedMetrics.in(query);
    }
}
