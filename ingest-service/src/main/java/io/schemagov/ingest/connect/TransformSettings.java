package io.schemagov.ingest.connect;

import io.schemagov.ingest.config.IngestProperties.ColumnPolicy;
import io.schemagov.ingest.config.IngestProperties.MaskingProperties;
import io.schemagov.ingest.mapping.ColumnMasking;
import io.schemagov.ingest.mapping.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings of {@link SchemagovTransform}, as Kafka Connect passes them ({@code transforms.schemagov.*} in the
 * connector configuration): the source's name in the events, our topics, the audit chain journal, and the masking,
 * with the same meaning as the embedded ingest's {@code schemagov.ingest.masking.*}.
 */
record TransformSettings(String source, Topics topics, Path auditJournal, int replayWindow, ColumnMasking masking) {

    static final String SOURCE = "source.name";
    static final String SCHEMA_CHANGES_TOPIC = "topics.schema-changes";
    static final String DATA_CHANGES_TOPIC = "topics.data-changes";
    static final String DEAD_LETTER_TOPIC = "topics.dead-letters";
    static final String AUDIT_JOURNAL = "audit.journal";
    static final String REPLAY_WINDOW = "audit.replay-window";
    static final String SENSITIVE_COLUMNS = "masking.sensitive-columns";
    static final String POLICIES = "masking.policies";
    static final String EXEMPT_COLUMNS = "masking.exempt-columns";
    static final String DEFAULT_ACTION = "masking.default-action";
    static final String CLASSIFIER = "masking.classifier";
    static final String HASH_KEY = "masking.hash-key";

    static final ConfigDef DEFINITION = new ConfigDef()
            .define(SOURCE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The source's name as the events carry it (schemagov.ingest.sources[].name).")
            .define(SCHEMA_CHANGES_TOPIC, Type.STRING, "schemagov.schema-changes", Importance.MEDIUM,
                    "Topic of the schema change events.")
            .define(DATA_CHANGES_TOPIC, Type.STRING, "schemagov.data-changes", Importance.MEDIUM,
                    "Topic of the data change (audit) events.")
            .define(DEAD_LETTER_TOPIC, Type.STRING, "schemagov.dlt", Importance.MEDIUM,
                    "Topic of capture messages that cannot be read.")
            .define(AUDIT_JOURNAL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "File on the worker where the audit chain links are journaled; it must "
                            + "follow the task (a persistent volume of the one worker that runs it).")
            .define(REPLAY_WINDOW, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Recent links kept per table, to give a change that Connect delivers again its link again.")
            .define(SENSITIVE_COLUMNS, Type.LIST, List.of(), Importance.HIGH,
                    "schema.table.column of columns protected with the default action.")
            .define(POLICIES, Type.LIST, List.of(), Importance.HIGH,
                    "schema.table.column=mask|hash|drop of columns with their own action.")
            .define(EXEMPT_COLUMNS, Type.LIST, List.of(), Importance.MEDIUM,
                    "schema.table.column the personal-data classifier must leave alone.")
            .define(DEFAULT_ACTION, Type.STRING, "", Importance.MEDIUM,
                    "mask, hash or drop; empty: hash when a hash key is set, mask otherwise.")
            .define(CLASSIFIER, Type.STRING, "apply", Importance.MEDIUM, "off, propose or apply.")
            .define(HASH_KEY, Type.PASSWORD, "", Importance.HIGH,
                    "HMAC key of hashed values; reference it through a config provider, e.g. ${file:...}.");

    /** @throws ConfigException naming the setting that is wrong */
    static TransformSettings parse(Map<String, ?> settings) {
        AbstractConfig config = new AbstractConfig(DEFINITION, settings);
        Topics topics = new Topics(config.getString(SCHEMA_CHANGES_TOPIC), config.getString(DATA_CHANGES_TOPIC),
                config.getString(DEAD_LETTER_TOPIC));
        Password hashKey = config.getPassword(HASH_KEY);
        MaskingProperties masking = new MaskingProperties(columns(config, SENSITIVE_COLUMNS),
                config.getList(POLICIES).stream().map(TransformSettings::policy).toList(),
                columns(config, EXEMPT_COLUMNS),
                config.getString(DEFAULT_ACTION).isBlank() ? null : action(DEFAULT_ACTION, config.getString(DEFAULT_ACTION)),
                classifier(config.getString(CLASSIFIER)), hashKey == null ? "" : hashKey.value());
        try {
            return new TransformSettings(config.getString(SOURCE), topics, Path.of(config.getString(AUDIT_JOURNAL)),
                    config.getInt(REPLAY_WINDOW), masking.masking());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(HASH_KEY, "****", e.getMessage());
        }
    }

    private static List<String> columns(AbstractConfig config, String name) {
        List<String> columns = config.getList(name);
        for (String column : columns) {
            if (!column.matches("[^.]+\\.[^.]+\\.[^.]+")) {
                throw new ConfigException(name, column, "must be schema.table.column");
            }
        }
        return columns;
    }

    private static ColumnPolicy policy(String entry) {
        int equals = entry.indexOf('=');
        if (equals < 0 || !entry.substring(0, equals).matches("[^.]+\\.[^.]+\\.[^.]+")) {
            throw new ConfigException(POLICIES, entry, "must be schema.table.column=mask|hash|drop");
        }
        return new ColumnPolicy(entry.substring(0, equals), action(POLICIES, entry.substring(equals + 1)));
    }

    private static ColumnMasking.Action action(String name, String value) {
        try {
            return ColumnMasking.Action.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, "must be mask, hash or drop");
        }
    }

    private static ColumnMasking.Classifier classifier(String value) {
        try {
            return ColumnMasking.Classifier.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(CLASSIFIER, value, "must be off, propose or apply");
        }
    }
}
