package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.charts.Manifests.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each chart rendered with every option on (src/test/resources/all-options/&lt;chart&gt;.yaml). */
class AllOptionsTest {

    private static Manifests render(String chart) {
        return Charts.render(chart, Path.of("src/test/resources/all-options", chart + ".yaml").toAbsolutePath(), Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void rendersEveryPodOption(String chart) {
        Node pod = render(chart).one("Deployment").at("spec.template");
        Node spec = pod.at("spec");
        Node container = spec.list("containers").get(0);

        assertThat(container.get("image")).isEqualTo("registry.example.org/schemagov/" + chart
                + "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        assertThat(container.get("imagePullPolicy")).isEqualTo("Always");
        assertThat(spec.get("imagePullSecrets")).isEqualTo(List.of(Map.of("name", "global-pull"), Map.of("name", "own-pull")));
        assertThat(spec.get("serviceAccountName")).isEqualTo("governed-sa");
        assertThat(spec.get("priorityClassName")).isEqualTo("governance");
        assertThat(spec.get("nodeSelector")).isEqualTo(Map.of("kubernetes.io/os", "linux"));
        assertThat(spec.list("tolerations")).hasSize(1);
        assertThat(spec.has("affinity.podAntiAffinity")).isTrue();
        assertThat(spec.get("terminationGracePeriodSeconds")).isEqualTo(90);
        assertThat(spec.item("volumes", "ca").get("configMap.name")).isEqualTo("corporate-ca");
        assertThat(spec.item("volumes", "tmp").get("emptyDir.sizeLimit")).isEqualTo("1Gi");
        assertThat(container.item("volumeMounts", "ca").get("mountPath")).isEqualTo("/etc/ssl/corporate");
        assertThat(container.item("env", "TZ").get("value")).isEqualTo("Europe/Berlin");
        assertThat(container.item("env", "JAVA_TOOL_OPTIONS").get("value")).isEqualTo("-XX:MaxRAMPercentage=60");
        assertThat(container.item("ports", "http").get("containerPort")).isEqualTo(9000);
        assertThat(container.get("startupProbe.failureThreshold")).isEqualTo(90);
        assertThat(container.get("resources.limits.memory")).isEqualTo("2Gi");
        assertThat(pod.get("metadata.labels.tier")).isEqualTo("governance");
        assertThat(pod.get("metadata.labels.team")).isEqualTo("platform");
        assertThat(pod.get("metadata.annotations.example.org/audited")).isEqualTo("true");
        assertThat(pod.get("metadata.annotations.prometheus.io/port")).isEqualTo("9000");
        assertThat(container.get("securityContext.readOnlyRootFilesystem")).as("restricted even with every option").isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void labelsAndAnnotatesEveryObject(String chart) {
        for (Map<String, Object> object : render(chart).objects()) {
            Node metadata = new Node(object).at("metadata");
            assertThat(metadata.get("labels.team")).as("%s", metadata.get("name")).isEqualTo("platform");
            assertThat(metadata.get("labels.app.kubernetes.io/name")).isEqualTo("governed");
            assertThat(metadata.get("annotations.owner")).as("%s", metadata.get("name")).isEqualTo("platform@example.org");
        }
    }

    @Test
    void ingestWithTwoSourcesEachWithItsSecret() {
        Manifests manifests = render(Charts.INGEST);
        Node config = manifests.one("ConfigMap").dataFile("ingest.yml").at("schemagov.ingest");
        Node container = manifests.one("Deployment").list("spec.template.spec.containers").get(0);

        assertThat(config.list("sources")).hasSize(2);
        assertThat(config.list("sources").get(1).get("password")).isEqualTo("${SOURCE_1_PASSWORD}");
        assertThat(container.item("env", "SOURCE_1_PASSWORD").get("valueFrom.secretKeyRef.name")).isEqualTo("crm-db-credentials");
        assertThat(config.list("sources").get(0).get("auditedTables")).isEqualTo(List.of("billing.*", "public.accounts"));
        assertThat(config.get("state-directory")).isEqualTo("/var/lib/schemagov/ingest");
        assertThat(config.get("kafka.replication-factor")).isEqualTo(3);
        assertThat(manifests.one("PersistentVolumeClaim").get("spec.storageClassName")).isEqualTo("fast-ssd");
        assertThat(manifests.one("PersistentVolumeClaim").get("metadata.annotations.example.org/backup")).isEqualTo("true");
    }

    @Test
    void analyzerWithThreeChannelsAndARulesFile() {
        Manifests manifests = render(Charts.ANALYZER);
        Node alerts = manifests.one("ConfigMap").dataFile("analyzer.yml").at("schemagov.analyzer.alerts");

        assertThat(((Map<?, ?>) alerts.get("channels")).keySet()).isEqualTo(java.util.Set.of("ops", "events", "dba"));
        assertThat(alerts.get("channels.events")).isEqualTo(Map.of("type", "KAFKA", "topic", "schemagov.alerts"));
        assertThat(alerts.get("channels.dba.smtp.password")).isEqualTo("${ALERT_CHANNEL_DBA_SMTP_PASSWORD}");
        assertThat(alerts.get("channels.ops.rateLimit")).isEqualTo(Map.of("burst", 10, "perMinute", 30));
        assertThat(manifests.one("ConfigMap").dataFile("rules.yml").get("rules.table-dropped.severity")).isEqualTo("CRITICAL");
        assertThat(manifests.one("Deployment").get("spec.replicas")).isEqualTo(3);
    }

    @Test
    void dashboardBehindAnIngressAndALoadBalancer() {
        Manifests manifests = render(Charts.DASHBOARD);

        assertThat(manifests.one("Ingress").get("metadata.annotations.cert-manager.io/cluster-issuer")).isEqualTo("letsencrypt");
        assertThat(manifests.one("Service").get("spec.type")).isEqualTo("LoadBalancer");
        assertThat(manifests.one("Service").list("spec.ports").get(0).get("nodePort")).isEqualTo(30900);
    }

    @Test
    void umbrellaWithEveryServiceConfigured() {
        Manifests manifests = render(Charts.UMBRELLA);

        assertThat(manifests.all("Deployment")).hasSize(3);
        assertThat(manifests.all("Ingress")).hasSize(1);
        assertThat(manifests.named("Deployment", "-analyzer-service").get("spec.replicas")).isEqualTo(3);
        assertThat(manifests.named("Deployment", "-dashboard").list("spec.template.spec.containers").get(0).get("image").toString())
                .startsWith("registry.example.org/schemagov/dashboard:");
    }
}
