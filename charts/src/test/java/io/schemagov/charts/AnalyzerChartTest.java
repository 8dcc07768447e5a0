package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.charts.Manifests.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What only the analyzer chart does: alert channels with their secrets, the rules file, the consumer group. */
class AnalyzerChartTest {

    @Test
    void takesWebhookUrlsAndSmtpPasswordsFromExistingSecrets() {
        Manifests manifests = Charts.render(Charts.ANALYZER, Map.of(
                "alerts.channels.ops-slack.type", "SLACK",
                "alerts.channels.ops-slack.existingSecret", "alert-hooks",
                "alerts.channels.ops-slack.existingSecretUrlKey", "slack-url",
                "alerts.channels.mail.type", "EMAIL",
                "alerts.channels.mail.smtp.host", "smtp.internal",
                "alerts.channels.mail.existingSecret", "smtp",
                "alerts.channels.mail.existingSecretSmtpPasswordKey", "password",
                "alerts.routes[0].channels[0]", "ops-slack",
                "alerts.routes[0].minSeverity", "CRITICAL"));
        Node alerts = manifests.one("ConfigMap").dataFile("analyzer.yml").at("schemagov.analyzer.alerts");
        Node container = manifests.one("Deployment").list("spec.template.spec.containers").get(0);

        assertThat(alerts.get("channels.ops-slack.url")).isEqualTo("${ALERT_CHANNEL_OPS_SLACK_URL}");
        assertThat(alerts.get("channels.ops-slack.type")).isEqualTo("SLACK");
        assertThat(alerts.has("channels.ops-slack.existingSecret")).isFalse();
        assertThat(alerts.get("channels.mail.smtp.password")).isEqualTo("${ALERT_CHANNEL_MAIL_SMTP_PASSWORD}");
        assertThat(alerts.get("channels.mail.smtp.host")).isEqualTo("smtp.internal");
        assertThat(alerts.list("routes").get(0).get("minSeverity")).isEqualTo("CRITICAL");
        assertThat(container.item("env", "ALERT_CHANNEL_OPS_SLACK_URL").get("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "alert-hooks", "key", "slack-url"));
        assertThat(container.item("env", "ALERT_CHANNEL_MAIL_SMTP_PASSWORD").get("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "smtp", "key", "password"));
    }

    @Test
    void mountsTheRulesFileAndPointsTheAnalyzerAtIt() {
        Node configMap = Charts.render(Charts.ANALYZER, Map.of("rulesFile", "rules:\n  table-dropped:\n    severity: CRITICAL\n"))
                .one("ConfigMap");

        assertThat(configMap.dataFile("analyzer.yml").get("schemagov.analyzer.rules-file")).isEqualTo("/config/rules.yml");
        assertThat(configMap.dataFile("rules.yml").get("rules.table-dropped.severity")).isEqualTo("CRITICAL");
    }

    @Test
    void runsEveryRuleWithItsDefaultsWithoutARulesFile() {
        Node configMap = Charts.render(Charts.ANALYZER, Map.of()).one("ConfigMap");

        assertThat(configMap.dataFile("analyzer.yml").has("schemagov.analyzer.rules-file")).isFalse();
        assertThat(((Map<?, ?>) configMap.get("data")).keySet()).isEqualTo(java.util.Set.of("analyzer.yml"));
    }

    @Test
    void linksAlertsToTheGlobalDashboardUrlAndReadsTheGlobalServers() {
        Node config = Charts.render(Charts.ANALYZER, Map.of(
                "global.dashboardUrl", "https://schemagov.example.org",
                "global.kafka.bootstrapServers", "broker-0:9092,broker-1:9092",
                "global.elasticsearch.uris", "https://es.example.org:9200")).one("ConfigMap").dataFile("analyzer.yml");

        assertThat(config.get("schemagov.analyzer.alerts.dashboard-url")).isEqualTo("https://schemagov.example.org");
        assertThat(config.get("schemagov.analyzer.kafka.bootstrap-servers")).isEqualTo("broker-0:9092,broker-1:9092");
        assertThat(config.get("spring.elasticsearch.uris")).isEqualTo("https://es.example.org:9200");
    }

    @Test
    void takesTheElasticsearchPasswordFromAnExistingSecret() {
        Manifests manifests = Charts.render(Charts.ANALYZER, Map.of(
                "elasticsearch.username", "schemagov", "elasticsearch.existingSecret", "es-credentials"));

        assertThat(manifests.one("ConfigMap").dataFile("analyzer.yml").get("spring.elasticsearch"))
                .isEqualTo(Map.of("uris", "http://elasticsearch:9200", "username", "schemagov", "password", "${ELASTICSEARCH_PASSWORD}"));
        assertThat(manifests.one("Deployment").list("spec.template.spec.containers").get(0).item("env", "ELASTICSEARCH_PASSWORD")
                .get("valueFrom.secretKeyRef")).isEqualTo(Map.of("name", "es-credentials", "key", "password"));
    }

    @Test
    void scalesAsAConsumerGroupWithRollingUpdates() {
        Node deployment = Charts.render(Charts.ANALYZER, Map.of("replicaCount", 3)).one("Deployment");

        assertThat(deployment.get("spec.replicas")).isEqualTo(3);
        assertThat(deployment.get("spec.strategy.type")).isEqualTo("RollingUpdate");
        assertThat(deployment.list("spec.template.spec.volumes").stream().map(volume -> volume.get("name")).toList())
                .isEqualTo(List.of("config", "tmp"));
    }
}
