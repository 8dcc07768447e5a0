package io.schemagov.ingest.connect;

import io.schemagov.ingest.config.ConnectProperties;
import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.config.IngestProperties.ColumnPolicy;
import io.schemagov.ingest.config.SourceProperties;
import io.schemagov.ingest.engine.DebeziumConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Kafka Connect configuration of one PostgreSQL source: the Debezium settings the embedded engine runs (one
 * source of truth, {@link DebeziumConfig}), without the engine's own offset storage, with the password as a config
 * provider reference, byte-array converters, and {@link SchemagovTransform} with the ingest's topics and masking.
 */
final class ConnectorConfig {

    static final String TRANSFORM = "schemagov";
    private static final String BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";
    /** The embedded engine keeps offsets itself; on Connect the worker does. */
    private static final Set<String> ENGINE_ONLY = Set.of("name", "offset.storage", "offset.storage.file.filename",
            "offset.flush.interval.ms");

    private ConnectorConfig() {
    }

    static String name(SourceProperties source) {
        return "schemagov-" + source.name();
    }

    /**
     * @throws IllegalArgumentException for a MariaDB/MySQL source: its schema changes are read from the catalog by
     *                                  the embedded ingest, which the transform cannot do
     */
    static Map<String, String> of(SourceProperties source, IngestProperties ingest, ConnectProperties connect) {
        if (source.isBinlog()) {
            throw new IllegalArgumentException("source '" + source.name() + "' is " + source.kind() + ": the Kafka "
                    + "Connect mode supports PostgreSQL sources only; run this source with the embedded ingest");
        }
        Properties debezium = DebeziumConfig.of(source, Path.of(connect.workerStateDirectory()));
        Map<String, String> config = new TreeMap<>();
        debezium.stringPropertyNames().stream().filter(key -> !ENGINE_ONLY.contains(key))
                .forEach(key -> config.put(key, debezium.getProperty(key)));
        config.put("database.password", connect.secret(source.name() + ".password"));
        config.put("tasks.max", "1");
        config.put("key.converter", BYTES);
        config.put("value.converter", BYTES);
        config.put("header.converter", BYTES);
        config.put("topic.creation.default.partitions", Integer.toString(ingest.kafka().partitions()));
        config.put("topic.creation.default.replication.factor", Short.toString(ingest.kafka().replicationFactor()));
        config.put("transforms", TRANSFORM);
        transform(source, ingest, connect).forEach((key, value) -> config.put("transforms." + TRANSFORM + "." + key, value));
        return config;
    }

    private static Map<String, String> transform(SourceProperties source, IngestProperties ingest, ConnectProperties connect) {
        IngestProperties.MaskingProperties masking = ingest.masking();
        Map<String, String> t = new TreeMap<>();
        t.put("type", SchemagovTransform.class.getName());
        t.put(TransformSettings.SOURCE, source.name());
        t.put(TransformSettings.SCHEMA_CHANGES_TOPIC, ingest.kafka().schemaChangesTopic());
        t.put(TransformSettings.DATA_CHANGES_TOPIC, ingest.kafka().dataChangesTopic());
        t.put(TransformSettings.DEAD_LETTER_TOPIC, ingest.kafka().deadLetterTopic());
        t.put(TransformSettings.AUDIT_JOURNAL, connect.workerStateDirectory() + "/" + source.name() + ".audit-journal");
        t.put(TransformSettings.SENSITIVE_COLUMNS, String.join(",", masking.sensitiveColumns()));
        t.put(TransformSettings.POLICIES, String.join(",", masking.policies().stream().map(ConnectorConfig::policy).toList()));
        t.put(TransformSettings.EXEMPT_COLUMNS, String.join(",", masking.exemptColumns()));
        t.put(TransformSettings.DEFAULT_ACTION, lower(masking.effectiveDefaultAction()));
        t.put(TransformSettings.CLASSIFIER, lower(masking.classifier()));
        if (!masking.hashKey().isEmpty()) {
            t.put(TransformSettings.HASH_KEY, connect.secret("masking.hash-key"));
        }
        return t;
    }

    private static String policy(ColumnPolicy policy) {
        return policy.column() + "=" + lower(policy.action());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The keys whose values the workers' secrets file must hold for these sources. */
    static List<String> secretKeys(List<SourceProperties> sources, IngestProperties ingest) {
        List<String> keys = new java.util.ArrayList<>(sources.stream().map(s -> s.name() + ".password").toList());
        if (!ingest.masking().hashKey().isEmpty()) {
            keys.add("masking.hash-key");
        }
        return keys;
    }
}
