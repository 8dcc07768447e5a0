package io.schemagov.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.ingest.config.ConnectProperties;
import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.config.IngestProperties.ColumnPolicy;
import io.schemagov.ingest.config.IngestProperties.KafkaProperties;
import io.schemagov.ingest.config.IngestProperties.MaskingProperties;
import io.schemagov.ingest.config.SourceProperties;
import io.schemagov.ingest.mapping.ColumnMasking;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emitted connector runs what the embedded engine runs, with secrets as references and our transform. */
class ConnectorConfigTest {

    private static final ConnectProperties CONNECT = new ConnectProperties(Path.of("out"), "file",
            "/etc/connect/secrets.properties", "/var/lib/schemagov");

    private static SourceProperties source(String name, String url, List<String> audited) {
        return new SourceProperties(name, url, "cdc", "s3cret", List.of(), audited, true, "", "", false, null, 0, true);
    }

    private static IngestProperties ingest(SourceProperties source, String hashKey) {
        return new IngestProperties(List.of(source), Path.of("/data"),
                new KafkaProperties("kafka:9092", "sc", "dc", "dl", "sh", 6, (short) 3, 1),
                new MaskingProperties(List.of("public.customers.email"),
                        List.of(new ColumnPolicy("public.customers.note", ColumnMasking.Action.DROP)), List.of("public.customers.city"),
                        null, ColumnMasking.Classifier.APPLY, hashKey));
    }

    @Test
    void carriesTheEngineSettingsWithoutItsOffsetStorage() {
        SourceProperties orders = source("orders", "jdbc:postgresql://db:5432/orders", List.of("public.customers", "public.ledger_*"));

        Map<String, String> config = ConnectorConfig.of(orders, ingest(orders, ""), CONNECT);

        assertThat(config).containsEntry("connector.class", "io.debezium.connector.postgresql.PostgresConnector")
                .containsEntry("plugin.name", "pgoutput").containsEntry("slot.name", "schemagov_orders")
                .containsEntry("publication.name", "schemagov_orders").containsEntry("publication.autocreate.mode", "disabled")
                .containsEntry("database.hostname", "db").containsEntry("database.dbname", "orders")
                .containsEntry("snapshot.mode", "no_data").containsEntry("heartbeat.interval.ms", "10000")
                .containsEntry("message.prefix.include.list", "schemagov\\.ddl,schemagov\\.baseline,schemagov\\.actor")
                .containsEntry("tasks.max", "1")
                .containsEntry("topic.creation.default.partitions", "6")
                .containsEntry("topic.creation.default.replication.factor", "3");
        assertThat(config.get("table.include.list")).isEqualTo("\\Qpublic.customers\\E,\\Qpublic.ledger_\\E.*\\Q\\E");
        assertThat(config).doesNotContainKeys("name", "offset.storage", "offset.storage.file.filename",
                "offset.flush.interval.ms");
    }

    @Test
    void referencesThePasswordAndHashKeyThroughTheConfigProvider() {
        SourceProperties orders = source("orders", "jdbc:postgresql://db:5432/orders", List.of());

        Map<String, String> config = ConnectorConfig.of(orders, ingest(orders, "k3y"), CONNECT);

        assertThat(config.get("database.password")).isEqualTo("${file:/etc/connect/secrets.properties:orders.password}");
        assertThat(config.get("transforms.schemagov.masking.hash-key"))
                .isEqualTo("${file:/etc/connect/secrets.properties:masking.hash-key}");
        assertThat(config.values()).noneMatch(value -> value.contains("s3cret") || value.contains("k3y"));
    }

    @Test
    void convertsBytesAndRunsOurTransformWithTheIngestsTopicsAndMasking() {
        SourceProperties orders = source("orders", "jdbc:postgresql://db:5432/orders", List.of());

        Map<String, String> config = ConnectorConfig.of(orders, ingest(orders, ""), CONNECT);

        String bytes = "org.apache.kafka.connect.converters.ByteArrayConverter";
        assertThat(config).containsEntry("key.converter", bytes).containsEntry("value.converter", bytes)
                .containsEntry("header.converter", bytes).containsEntry("transforms", "schemagov")
                .containsEntry("transforms.schemagov.type", SchemagovTransform.class.getName())
                .containsEntry("transforms.schemagov.source.name", "orders")
                .containsEntry("transforms.schemagov.topics.schema-changes", "sc")
                .containsEntry("transforms.schemagov.topics.data-changes", "dc")
                .containsEntry("transforms.schemagov.topics.dead-letters", "dl")
                .containsEntry("transforms.schemagov.audit.journal", "/var/lib/schemagov/orders.audit-journal")
                .containsEntry("transforms.schemagov.masking.sensitive-columns", "public.customers.email")
                .containsEntry("transforms.schemagov.masking.policies", "public.customers.note=drop")
                .containsEntry("transforms.schemagov.masking.exempt-columns", "public.customers.city")
                .containsEntry("transforms.schemagov.masking.default-action", "mask")
                .containsEntry("transforms.schemagov.masking.classifier", "apply")
                .doesNotContainKey("transforms.schemagov.masking.hash-key");
    }

    @Test
    void theTransformAcceptsTheSettingsEmittedForIt() {
        SourceProperties orders = source("orders", "jdbc:postgresql://db:5432/orders", List.of());
        Map<String, String> transform = new java.util.HashMap<>();
        ConnectorConfig.of(orders, ingest(orders, ""), CONNECT).forEach((key, value) -> {
            if (key.startsWith("transforms.schemagov.") && !key.endsWith(".type")) {
                transform.put(key.substring("transforms.schemagov.".length()), value);
            }
        });

        TransformSettings parsed = TransformSettings.parse(transform);

        assertThat(parsed.source()).isEqualTo("orders");
        assertThat(parsed.auditJournal()).isEqualTo(Path.of("/var/lib/schemagov/orders.audit-journal"));
    }

    @Test
    void aMariaDbSourceIsRefusedWithWhatToDoInstead() {
        SourceProperties shop = source("shop", "jdbc:mariadb://db:3306/shop", List.of());

        assertThatThrownBy(() -> ConnectorConfig.of(shop, ingest(shop, ""), CONNECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'shop' is MARIADB").hasMessageContaining("PostgreSQL sources only")
                .hasMessageContaining("embedded ingest");
    }
}
