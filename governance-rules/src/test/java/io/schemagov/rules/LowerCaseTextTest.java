package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LowerCaseTextTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "integer", "timestamp with time zone", "character varying(255)", "\"char\"",
        "numeric(12,2)", "Integer", "TIMESTAMP", "btree", "GIN", "ÉTAGE", "étage", "İd", "KELVIN_\u212A", "ß",
        "phone_1", "a[]", "@~z{"})
    void givesWhatToLowerCaseGives(String text) {
        String expected = text.toLowerCase(Locale.ROOT);

        assertThat(LowerCaseText.of(text)).isEqualTo(expected);
        if (expected.equals(text)) {
            assertThat(LowerCaseText.of(text)).isSameAs(text);
        }
    }
}
