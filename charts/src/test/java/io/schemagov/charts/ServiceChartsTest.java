package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.charts.Manifests.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every service chart must render with its defaults: restricted security, probes on the health groups, resources, config. */
class ServiceChartsTest {

    private static Node deployment(String chart) {
        return Charts.render(chart, Map.of()).one("Deployment");
    }

    private static Node container(String chart) {
        return deployment(chart).list("spec.template.spec.containers").get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void podRunsAsNonRootWithTheRuntimeDefaultSeccompProfile(String chart) {
        Node pod = deployment(chart).at("spec.template.spec.securityContext");

        assertThat(pod.get("runAsNonRoot")).isEqualTo(true);
        assertThat((Integer) pod.get("runAsUser")).isPositive();
        assertThat(pod.get("seccompProfile.type")).isEqualTo("RuntimeDefault");
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void containerIsRestricted(String chart) {
        Node security = container(chart).at("securityContext");

        assertThat(security.get("runAsNonRoot")).isEqualTo(true);
        assertThat(security.get("readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(security.get("allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(security.get("privileged")).isEqualTo(false);
        assertThat(security.get("capabilities.drop")).isEqualTo(List.of("ALL"));
        assertThat(security.has("capabilities.add")).isFalse();
        assertThat(security.get("seccompProfile.type")).isEqualTo("RuntimeDefault");
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void writesOnlyToAnEmptyDirAtTmpBesideTheReadOnlyConfig(String chart) {
        Node deployment = deployment(chart);
        Node container = deployment.list("spec.template.spec.containers").get(0);

        assertThat(container.item("volumeMounts", "tmp").get("mountPath")).isEqualTo("/tmp");
        assertThat(deployment.item("spec.template.spec.volumes", "tmp").has("emptyDir")).isTrue();
        assertThat(container.item("volumeMounts", "config").get("mountPath")).isEqualTo("/config");
        assertThat(container.item("volumeMounts", "config").get("readOnly")).isEqualTo(true);
        assertThat(container.item("env", "SPRING_CONFIG_ADDITIONAL_LOCATION").get("value")).isEqualTo("file:/config/");
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void probesTheActuatorHealthGroupsOnTheHttpPort(String chart) {
        Node container = container(chart);

        assertThat(container.get("startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(container.get("livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(container.get("readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.get(probe + ".httpGet.port")).as(probe).isEqualTo("http");
            assertThat(container.has(probe + ".enabled")).as(probe).isFalse();
        }
        assertThat(container.item("ports", "http").get("containerPort")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void setsResourceRequestsAndLimits(String chart) {
        Node resources = container(chart).at("resources");

        assertThat(resources.get("requests.cpu")).isNotNull();
        assertThat(resources.get("requests.memory")).isNotNull();
        assertThat(resources.get("limits.memory")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void doesNotMountAKubernetesApiToken(String chart) {
        Manifests manifests = Charts.render(chart, Map.of());

        assertThat(manifests.one("Deployment").get("spec.template.spec.automountServiceAccountToken")).isEqualTo(false);
        assertThat(manifests.one("ServiceAccount").get("automountServiceAccountToken")).isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void createsNoSecretsOfItsOwn(String chart) {
        assertThat(Charts.render(chart, Map.of()).all("Secret")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void configChangeChangesThePodChecksumAndAnUnrelatedChangeDoesNot(String chart) {
        String checksum = "spec.template.metadata.annotations.checksum/config";
        Object plain = Charts.render(chart, Map.of()).one("Deployment").get(checksum);
        Object reconfigured = Charts.render(chart, Map.of("config.logging.level.io\\.schemagov", "DEBUG")).one("Deployment").get(checksum);
        Object resized = Charts.render(chart, Map.of("resources.limits.memory", "3Gi")).one("Deployment").get(checksum);

        assertThat(plain.toString()).matches("[0-9a-f]{64}");
        assertThat(reconfigured).isNotEqualTo(plain);
        assertThat(resized).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void configFileServesOnTheContainerPort(String chart) {
        Manifests manifests = Charts.render(chart, Map.of("containerPorts.http", 9000));
        String file = chart.replace("-service", "") + ".yml";

        assertThat(manifests.one("ConfigMap").dataFile(file).get("server.port")).isEqualTo(9000);
        assertThat(manifests.one("Deployment").list("spec.template.spec.containers").get(0).item("ports", "http").get("containerPort"))
                .isEqualTo(9000);
    }
}
