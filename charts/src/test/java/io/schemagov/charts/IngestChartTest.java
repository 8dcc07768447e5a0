package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.charts.Manifests.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What only the ingest chart does: one replica at most, Recreate, the state volume, source and masking secrets. */
class IngestChartTest {

    private static final Map<String, Object> SOURCE_WITH_SECRET = Map.of(
            "sources[0].name", "orders-db",
            "sources[0].url", "jdbc:postgresql://orders.internal:5432/orders",
            "sources[0].username", "schemagov",
            "sources[0].existingSecret", "orders-db-credentials",
            "sources[0].existingSecretPasswordKey", "pg-password",
            "masking.existingSecret", "masking-key",
            "masking.defaultAction", "hash");

    @Test
    void refusesToRenderMoreThanOneReplicaAndSaysWhy() {
        assertThatThrownBy(() -> Charts.render(Charts.INGEST, Map.of("replicaCount", 2)))
                .hasMessageContaining("replicaCount is 2")
                .hasMessageContaining("one replication slot and a slot has one reader")
                .hasMessageContaining("one release per set of sources");
    }

    @Test
    void rendersOneReplicaOrNone() {
        assertThat(Charts.render(Charts.INGEST, Map.of()).one("Deployment").get("spec.replicas")).isEqualTo(1);
        assertThat(Charts.render(Charts.INGEST, Map.of("replicaCount", 0)).one("Deployment").get("spec.replicas")).isEqualTo(0);
    }

    @Test
    void replacesThePodInsteadOfRollingSoThatTwoNeverReadOneSlot() {
        assertThat(Charts.render(Charts.INGEST, Map.of()).one("Deployment").get("spec.strategy")).isEqualTo(Map.of("type", "Recreate"));
    }

    @Test
    void takesPasswordsFromExistingSecretsAndOnlyNamesThemInTheConfig() {
        Manifests manifests = Charts.render(Charts.INGEST, SOURCE_WITH_SECRET);
        Node config = manifests.one("ConfigMap").dataFile("ingest.yml").at("schemagov.ingest");

        assertThat(envVar(manifests, "SOURCE_0_PASSWORD").get("valueFrom.secretKeyRef")).isEqualTo(Map.of("name", "orders-db-credentials", "key", "pg-password"));
        assertThat(envVar(manifests, "MASKING_HASH_KEY").get("valueFrom.secretKeyRef")).isEqualTo(Map.of("name", "masking-key", "key", "hash-key"));
        Node source = config.list("sources").get(0);
        assertThat(source.get("password")).isEqualTo("${SOURCE_0_PASSWORD}");
        assertThat(source.get("url")).isEqualTo("jdbc:postgresql://orders.internal:5432/orders");
        assertThat(source.has("existingSecret")).isFalse();
        assertThat(config.get("masking.hash-key")).isEqualTo("${MASKING_HASH_KEY}");
        assertThat(config.get("masking.defaultAction")).isEqualTo("hash");
    }

    @Test
    void leavesOutEmptyValuesSoThatTheServiceDefaultsApply() {
        Manifests manifests = Charts.render(Charts.INGEST, Path.of("src/test/resources/ingest-empty-values.yaml").toAbsolutePath(), Map.of());
        Node config = manifests.one("ConfigMap").dataFile("ingest.yml").at("schemagov.ingest");
        Node source = config.list("sources").get(0);

        assertThat(source.has("schemas")).isFalse();
        assertThat(source.has("auditedTables")).isFalse();
        assertThat(source.has("password")).isFalse();
        assertThat(source.has("username")).isFalse();
        assertThat(source.has("slotName")).isFalse();
        assertThat(source.get("replicaIdentityFull")).as("false is a value, not an empty one").isEqualTo(false);
        assertThat(config.get("masking")).isEqualTo(Map.of("classifier", "apply"));
    }

    @Test
    void keepsTheStateOnAPersistentVolumeClaimByDefault() {
        Manifests manifests = Charts.render(Charts.INGEST, Map.of());
        Node claim = manifests.one("PersistentVolumeClaim");
        Node data = manifests.one("Deployment").item("spec.template.spec.volumes", "data");

        assertThat(data.get("persistentVolumeClaim.claimName")).isEqualTo(claim.get("metadata.name"));
        assertThat(claim.get("spec.accessModes")).isEqualTo(List.of("ReadWriteOnce"));
        assertThat(manifests.one("ConfigMap").dataFile("ingest.yml").get("schemagov.ingest.state-directory")).isEqualTo("/data/ingest");
    }

    @Test
    void usesAnExistingClaimOrAnEmptyDir() {
        Manifests existing = Charts.render(Charts.INGEST, Map.of("persistence.existingClaim", "ingest-state"));
        Manifests ephemeral = Charts.render(Charts.INGEST, Map.of("persistence.enabled", false));

        assertThat(existing.all("PersistentVolumeClaim")).isEmpty();
        assertThat(existing.one("Deployment").item("spec.template.spec.volumes", "data").get("persistentVolumeClaim.claimName"))
                .isEqualTo("ingest-state");
        assertThat(ephemeral.all("PersistentVolumeClaim")).isEmpty();
        assertThat(ephemeral.one("Deployment").item("spec.template.spec.volumes", "data").has("emptyDir")).isTrue();
    }

    @Test
    void pointsKafkaAtTheGlobalBootstrapServersUnlessItsOwnAreSet() {
        String key = "schemagov.ingest.kafka.bootstrap-servers";

        assertThat(config(Map.of()).get(key)).isEqualTo("kafka:9092");
        assertThat(config(Map.of("global.kafka.bootstrapServers", "broker-0:9092")).get(key)).isEqualTo("broker-0:9092");
        assertThat(config(Map.of("global.kafka.bootstrapServers", "broker-0:9092", "kafka.bootstrapServers", "own:9092")).get(key))
                .isEqualTo("own:9092");
    }

    @Test
    void mergesFreeConfigurationOverWhatItGenerates() {
        Node config = config(Map.of("config.schemagov.ingest.kafka.linger-ms", 5, "config.logging.level.io\\.debezium", "INFO"));

        assertThat(config.get("schemagov.ingest.kafka.linger-ms")).isEqualTo(5);
        assertThat(config.get("schemagov.ingest.kafka.bootstrap-servers")).isEqualTo("kafka:9092");
        assertThat(((Map<?, ?>) config.get("logging.level")).get("io.debezium")).isEqualTo("INFO");
    }

    private static Node config(Map<String, ?> values) {
        return Charts.render(Charts.INGEST, values).one("ConfigMap").dataFile("ingest.yml");
    }

    private static Node envVar(Manifests manifests, String name) {
        return manifests.one("Deployment").list("spec.template.spec.containers").get(0).item("env", name);
    }
}
