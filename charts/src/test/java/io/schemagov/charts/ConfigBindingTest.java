package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.analyzer.alerts.AlertProperties;
import io.schemagov.analyzer.config.AnalyzerProperties;
import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.config.MaintenanceProperties;
import io.schemagov.ingest.config.SlotLagProperties;
import io.schemagov.ingest.mapping.ColumnMasking;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The configuration files the charts generate, bound and validated as the services bind them:
 * the keys are the services' own, and the secrets' placeholders resolve from the environment
 * variables that the Deployment takes from the Secrets.
 */
class ConfigBindingTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    @Test
    void ingestBindsEveryOptionWithItsSecrets() throws IOException {
        Binder binder = binder(allOptions(Charts.INGEST).one("ConfigMap").dataFile("ingest.yml"), Map.of(
                "SOURCE_0_PASSWORD", "orders-secret", "SOURCE_1_PASSWORD", "crm-secret", "MASKING_HASH_KEY", "hmac-key"));

        IngestProperties ingest = binder.bind("schemagov.ingest", Bindable.of(IngestProperties.class), validating()).get();

        assertThat(ingest.sources()).hasSize(2);
        assertThat(ingest.sources().get(0).name()).isEqualTo("orders-db");
        assertThat(ingest.sources().get(0).password()).isEqualTo("orders-secret");
        assertThat(ingest.sources().get(1).password()).isEqualTo("crm-secret");
        assertThat(ingest.sources().get(0).auditedTables()).containsExactly("billing.*", "public.accounts");
        assertThat(ingest.sources().get(0).actorAttribution()).isTrue();
        assertThat(ingest.sources().get(0).truncateCapture()).isFalse();
        assertThat(ingest.sources().get(1).truncateCapture()).isTrue();
        assertThat(binder.bind("schemagov.ingest", Bindable.of(MaintenanceProperties.class), validating()).get()
                .maintenancePoll()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(ingest.stateDirectory()).isEqualTo(Path.of("/var/lib/schemagov/ingest"));
        assertThat(ingest.kafka().bootstrapServers()).isEqualTo("broker-0:9092,broker-1:9092");
        assertThat(ingest.kafka().replicationFactor()).isEqualTo((short) 3);
        assertThat(ingest.kafka().partitions()).isEqualTo(12);
        SlotLagProperties slotLag = binder.bind("schemagov.ingest.slot-lag", Bindable.of(SlotLagProperties.class), validating()).get();
        assertThat(slotLag.interval()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(slotLag.threshold()).isEqualTo(org.springframework.util.unit.DataSize.ofGigabytes(20));
        assertThat(ingest.masking().hashKey()).isEqualTo("hmac-key");
        assertThat(ingest.masking().effectiveDefaultAction()).isEqualTo(ColumnMasking.Action.HASH);
        assertThat(ingest.masking().policies()).hasSize(1);
        assertThat(binder.bind("server.port", Integer.class).get()).isEqualTo(9000);
    }

    @Test
    void ingestBindsTheDefaults() throws IOException {
        Binder binder = binder(Charts.render(Charts.INGEST, Map.of()).one("ConfigMap").dataFile("ingest.yml"), Map.of());

        IngestProperties ingest = binder.bind("schemagov.ingest", Bindable.of(IngestProperties.class), validating()).get();

        assertThat(ingest.sources()).singleElement().satisfies(source -> assertThat(source.password()).isEmpty());
        assertThat(ingest.stateDirectory()).isEqualTo(Path.of("/data/ingest"));
        SlotLagProperties slotLag = binder.bind("schemagov.ingest.slot-lag", Bindable.of(SlotLagProperties.class), validating()).get();
        assertThat(slotLag.threshold()).isEqualTo(org.springframework.util.unit.DataSize.ofGigabytes(1));
        assertThat(binder.bind("schemagov.ingest", Bindable.of(MaintenanceProperties.class), validating()).get()
                .maintenancePoll()).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(binder.bind("server.port", Integer.class).get()).isEqualTo(8081);
    }

    @Test
    void analyzerBindsEveryOptionWithItsSecrets() throws IOException {
        Binder binder = binder(allOptions(Charts.ANALYZER).one("ConfigMap").dataFile("analyzer.yml"), Map.of(
                "ELASTICSEARCH_PASSWORD", "es-secret", "ALERT_CHANNEL_OPS_URL", "https://hooks.example.org/ops",
                "ALERT_CHANNEL_DBA_SMTP_PASSWORD", "smtp-secret"));

        AnalyzerProperties analyzer = binder.bind("schemagov.analyzer", Bindable.of(AnalyzerProperties.class), validating()).get();
        AlertProperties alerts = binder.bind("schemagov.analyzer.alerts", Bindable.of(AlertProperties.class), validating()).get();

        assertThat(analyzer.rulesFile()).isEqualTo(Path.of("/config/rules.yml"));
        assertThat(analyzer.kafka().groupId()).isEqualTo("schemagov-analyzer-prod");
        assertThat(alerts.dashboardUrl()).isEqualTo("https://schemagov.example.org");
        assertThat(alerts.channels()).containsOnlyKeys("ops", "events", "dba");
        assertThat(alerts.channels().get("ops").type()).isEqualTo(AlertProperties.ChannelType.SLACK);
        assertThat(alerts.channels().get("ops").url()).isEqualTo("https://hooks.example.org/ops");
        assertThat(alerts.channels().get("ops").rateLimit().perMinute()).isEqualTo(30);
        assertThat(alerts.channels().get("dba").smtp().password()).isEqualTo("smtp-secret");
        assertThat(alerts.channels().get("dba").to()).containsExactly("dba@example.org");
        assertThat(alerts.routes()).hasSize(2);
        assertThat(binder.bind("spring.elasticsearch.password", String.class).get()).isEqualTo("es-secret");
    }

    @Test
    void analyzerBindsTheDefaults() throws IOException {
        Binder binder = binder(Charts.render(Charts.ANALYZER, Map.of()).one("ConfigMap").dataFile("analyzer.yml"), Map.of());

        AnalyzerProperties analyzer = binder.bind("schemagov.analyzer", Bindable.of(AnalyzerProperties.class), validating()).get();

        assertThat(analyzer.rulesFile()).isNull();
        assertThat(analyzer.kafka().bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(binder.bind("spring.elasticsearch.uris", String.class).get()).isEqualTo("http://elasticsearch:9200");
        assertThat(binder.bind("server.port", Integer.class).get()).isEqualTo(8082);
    }

    private static Manifests allOptions(String chart) {
        return Charts.render(chart, Path.of("src/test/resources/all-options", chart + ".yaml").toAbsolutePath(), Map.of());
    }

    /** The file as the service reads it, with the given environment variables (and nothing of this JVM's). */
    private static Binder binder(Manifests.Node configFile, Map<String, Object> environment) throws IOException {
        String yaml = new org.yaml.snakeyaml.Yaml().dump(configFile.value());
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("secrets from the Deployment", environment));
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("config",
                new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))) {
            env.getPropertySources().addLast(source);
        }
        return Binder.get(env);
    }

    private static BindHandler validating() {
        return new ValidationBindHandler(new SpringValidatorAdapter(VALIDATION.getValidator()));
    }
}
