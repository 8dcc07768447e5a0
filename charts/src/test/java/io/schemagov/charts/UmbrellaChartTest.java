package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The umbrella chart: the three services on one set of global values, the ingest guard kept, the dashboard URL in the notes. */
class UmbrellaChartTest {

    @Test
    void deploysTheThreeServicesOnTheGlobalKafkaAndElasticsearch() {
        Manifests manifests = Charts.render(Charts.UMBRELLA, Map.of(
                "global.kafka.bootstrapServers", "broker-0:9092", "global.elasticsearch.uris", "http://es:9200"));

        assertThat(manifests.all("Deployment")).hasSize(3);
        assertThat(manifests.named("ConfigMap", "-ingest-service").dataFile("ingest.yml").get("schemagov.ingest.kafka.bootstrap-servers"))
                .isEqualTo("broker-0:9092");
        assertThat(manifests.named("ConfigMap", "-analyzer-service").dataFile("analyzer.yml").get("schemagov.analyzer.kafka.bootstrap-servers"))
                .isEqualTo("broker-0:9092");
        assertThat(manifests.named("ConfigMap", "-analyzer-service").dataFile("analyzer.yml").get("spring.elasticsearch.uris"))
                .isEqualTo("http://es:9200");
        assertThat(manifests.named("ConfigMap", "-dashboard").dataFile("dashboard.yml").get("spring.elasticsearch.uris"))
                .isEqualTo("http://es:9200");
    }

    @Test
    void leavesOutADisabledService() {
        Manifests manifests = Charts.render(Charts.UMBRELLA, Map.of("dashboard.enabled", false));

        assertThat(manifests.all("Deployment")).hasSize(2);
        assertThat(manifests.kinds()).noneMatch(kind -> kind.endsWith("-dashboard"));
    }

    @Test
    void refusesASecondIngestReplicaToo() {
        assertThatThrownBy(() -> Charts.render(Charts.UMBRELLA, Map.of("ingest-service.replicaCount", 3)))
                .hasMessageContaining("replicaCount is 3");
    }

    @Test
    void notesGiveTheDashboardUrl() {
        assertThat(Charts.notes(Charts.UMBRELLA, Map.of())).contains("kubectl --namespace governance port-forward service/sg-dashboard 8080:80");
        assertThat(Charts.notes(Charts.UMBRELLA, Map.of("dashboard.ingress.enabled", true, "dashboard.ingress.hostname", "sg.example.org")))
                .contains("Dashboard URL: http://sg.example.org");
        assertThat(Charts.notes(Charts.UMBRELLA, Map.of("global.dashboardUrl", "https://governance.example.org")))
                .contains("Dashboard URL: https://governance.example.org");
    }

    @Test
    void linksAlertsToTheGlobalDashboardUrl() {
        assertThat(Charts.render(Charts.UMBRELLA, Map.of("global.dashboardUrl", "https://governance.example.org"))
                .named("ConfigMap", "-analyzer-service").dataFile("analyzer.yml").get("schemagov.analyzer.alerts.dashboard-url"))
                .isEqualTo("https://governance.example.org");
    }
}
