package io.schemagov.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The transform's settings are checked as Connect validates a connector: a wrong one is named. */
class TransformSettingsTest {

    private static Map<String, String> settings(String key, String value) {
        Map<String, String> settings = new HashMap<>(Map.of("source.name", "shop", "audit.journal", "/state/shop.audit-journal"));
        settings.put(key, value);
        return settings;
    }

    @Test
    void topicsDefaultToTheIngestsTopics() {
        TransformSettings parsed = TransformSettings.parse(settings("audit.replay-window", "5"));

        assertThat(parsed.topics().schemaChanges()).isEqualTo("schemagov.schema-changes");
        assertThat(parsed.topics().dataChanges()).isEqualTo("schemagov.data-changes");
        assertThat(parsed.topics().deadLetters()).isEqualTo("schemagov.dlt");
        assertThat(parsed.replayWindow()).isEqualTo(5);
    }

    @Test
    void aMissingSourceNameIsNamed() {
        assertThatThrownBy(() -> TransformSettings.parse(Map.of("audit.journal", "/j")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("source.name");
    }

    @Test
    void aPolicyWithAnUnknownActionIsNamed() {
        assertThatThrownBy(() -> TransformSettings.parse(settings("masking.policies", "public.t.c=scramble")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("masking.policies")
                .hasMessageContaining("mask, hash or drop");
    }

    @Test
    void aColumnThatIsNotSchemaTableColumnIsNamed() {
        assertThatThrownBy(() -> TransformSettings.parse(settings("masking.sensitive-columns", "t.c")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("masking.sensitive-columns");
    }

    @Test
    void hashingWithoutAKeyIsRefusedWithoutShowingAnyKey() {
        assertThatThrownBy(() -> TransformSettings.parse(settings("masking.default-action", "hash")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("hash-key is required");
    }
}
