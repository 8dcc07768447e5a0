package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.charts.Manifests.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What only the dashboard chart does: Service and Ingress, the URL in the notes, the login and Elasticsearch secrets. */
class DashboardChartTest {

    @Test
    void exposesNoIngressByDefault() {
        assertThat(Charts.render(Charts.DASHBOARD, Map.of()).all("Ingress")).isEmpty();
    }

    @Test
    void servesTheDashboardThroughAnIngressWithAnExistingTlsSecret() {
        Node ingress = Charts.render(Charts.DASHBOARD, Map.of(
                "ingress.enabled", true, "ingress.hostname", "schemagov.example.org",
                "ingress.tls", true, "ingress.tlsSecret", "schemagov-tls", "ingress.ingressClassName", "nginx")).one("Ingress");

        assertThat(ingress.get("spec.ingressClassName")).isEqualTo("nginx");
        Node rule = ingress.list("spec.rules").get(0);
        assertThat(rule.get("host")).isEqualTo("schemagov.example.org");
        assertThat(rule.list("http.paths").get(0).get("backend.service.port.name")).isEqualTo("http");
        assertThat(ingress.list("spec.tls").get(0).value()).isEqualTo(Map.of("hosts", List.of("schemagov.example.org"), "secretName", "schemagov-tls"));
    }

    @Test
    void notesGiveTheIngressUrl() {
        assertThat(Charts.notes(Charts.DASHBOARD, Map.of("ingress.enabled", true, "ingress.hostname", "schemagov.example.org", "ingress.tls", true)))
                .contains("Dashboard URL: https://schemagov.example.org");
    }

    @Test
    void notesPreferTheGlobalDashboardUrl() {
        assertThat(Charts.notes(Charts.DASHBOARD, Map.of("global.dashboardUrl", "https://governance.example.org")))
                .contains("Dashboard URL: https://governance.example.org");
    }

    @Test
    void notesTellHowToReachTheDashboardWithoutAnIngress() {
        assertThat(Charts.notes(Charts.DASHBOARD, Map.of()))
                .contains("Dashboard URL: http://127.0.0.1:8080")
                .contains("kubectl --namespace governance port-forward service/sg-dashboard 8080:80");
    }

    @Test
    void takesTheAdminAndElasticsearchPasswordsFromExistingSecrets() {
        Manifests manifests = Charts.render(Charts.DASHBOARD, Map.of(
                "auth.existingSecret", "dashboard-admin", "elasticsearch.existingSecret", "es-credentials",
                "elasticsearch.username", "schemagov"));
        Node container = manifests.one("Deployment").list("spec.template.spec.containers").get(0);

        assertThat(container.item("env", "DASHBOARD_ADMIN_PASSWORD").get("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "dashboard-admin", "key", "admin-password"));
        assertThat(manifests.one("ConfigMap").dataFile("dashboard.yml").get("schemagov.dashboard.users"))
                .isEqualTo(java.util.List.of(Map.of("name", "admin", "password", "${DASHBOARD_ADMIN_PASSWORD}",
                        "role", "ADMIN")));
        assertThat(container.item("env", "ELASTICSEARCH_PASSWORD").get("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "es-credentials", "key", "password"));
        assertThat(manifests.one("ConfigMap").dataFile("dashboard.yml").get("spring.elasticsearch"))
                .isEqualTo(Map.of("uris", "http://elasticsearch:9200", "username", "schemagov", "password", "${ELASTICSEARCH_PASSWORD}"));
    }

    @Test
    void servicePortLeadsToTheContainersHttpPort() {
        Node service = Charts.render(Charts.DASHBOARD, Map.of("service.type", "NodePort", "service.nodePorts.http", 30080)).one("Service");

        assertThat(service.list("spec.ports").get(0).value()).isEqualTo(Map.of(
                "name", "http", "port", 80, "targetPort", "http", "protocol", "TCP", "nodePort", 30080));
    }
}
