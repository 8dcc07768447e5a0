package io.schemagov.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class StackModeTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void unsetOrBlankMeansEmbedded(String value) {
        assertThat(StackMode.parse(value)).isEqualTo(StackMode.EMBEDDED);
    }

    @ParameterizedTest
    @CsvSource({"embedded, EMBEDDED", "testcontainers, TESTCONTAINERS", "' TestContainers ', TESTCONTAINERS"})
    void namedModeIsSelectedIgnoringCaseAndSpaces(String value, StackMode expected) {
        assertThat(StackMode.parse(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "test-containers", "embedded,testcontainers"})
    void otherValueIsRefusedNamingThePropertyAndTheAllowedValues(String value) {
        assertThatThrownBy(() -> StackMode.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schemagov.stack must be one of embedded, testcontainers (default embedded), not '" + value + "'");
    }
}
