package io.schemagov.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.ingest.mapping.ColumnMasking.Action;
import io.schemagov.ingest.mapping.ColumnMasking.Classifier;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnMaskingTest {

    private static ColumnMasking masking(Classifier classifier, Set<String> exempt) {
        return new ColumnMasking(Map.of("public.people.note", Action.DROP, "public.people.email", Action.HASH),
                Action.MASK, classifier, exempt, "key");
    }

    @Test
    void configuredColumnsGetTheirOwnAction() {
        ColumnMasking masking = masking(Classifier.OFF, Set.of());

        assertThat(masking.actionFor("public", "people", "note", "text")).contains(Action.DROP);
        assertThat(masking.actionFor("public", "people", "email", "text")).contains(Action.HASH);
        assertThat(masking.actionFor("public", "people", "phone", "text")).isEmpty();
    }

    @Test
    void theClassifierProtectsLikelyPersonalDataUnlessExemptedOrOnlyProposing() {
        assertThat(masking(Classifier.APPLY, Set.of()).actionFor("public", "people", "phone", "text"))
                .contains(Action.MASK);
        assertThat(masking(Classifier.APPLY, Set.of("public.people.phone")).actionFor("public", "people", "phone",
                "text")).isEmpty();
        assertThat(masking(Classifier.PROPOSE, Set.of()).actionFor("public", "people", "phone", "text")).isEmpty();
        assertThat(masking(Classifier.APPLY, Set.of()).actionFor("public", "people", "total", "int64")).isEmpty();
    }

    @Test
    void hashingIsKeyedSoEqualValuesStayJoinableButUnreadable() {
        ColumnMasking masking = masking(Classifier.OFF, Set.of());

        String once = masking.protect(Action.HASH, "jane@example.com");

        assertThat(once).startsWith("hmac:").doesNotContain("jane").isEqualTo(masking.protect(Action.HASH,
                "jane@example.com"));
        assertThat(masking.protect(Action.HASH, "john@example.com")).isNotEqualTo(once);
        assertThat(new ColumnMasking(Map.of(), Action.MASK, Classifier.OFF, Set.of(), "other key")
                .protect(Action.HASH, "jane@example.com")).isNotEqualTo(once);
        assertThat(masking.protect(Action.MASK, "jane@example.com")).isEqualTo(ColumnMasking.MASK);
        assertThat(masking.protect(Action.MASK, null)).isNull();
    }

    @Test
    void hashingWithoutAKeyIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ColumnMasking(Map.of("public.people.email", Action.HASH), Action.MASK,
                Classifier.OFF, Set.of(), "")).hasMessageContaining("schemagov.ingest.masking.hash-key");
        assertThat(Optional.of(new ColumnMasking(Map.of(), Action.MASK, Classifier.OFF, Set.of(), ""))).isPresent();
    }
}
