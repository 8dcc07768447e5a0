package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReservedWordsTest {

    @Test
    void findsReservedWordsInAnyLetterCase() {
        assertThat(ReservedWords.isReserved("user")).isTrue();
        assertThat(ReservedWords.isReserved("ORDER")).isTrue();
        assertThat(ReservedWords.isReserved("Current_Timestamp")).isTrue();
        assertThat(ReservedWords.isReserved("do")).isTrue();
    }

    @Test
    void passesOtherNamesOfTheSameLengthAndFirstLetter() {
        assertThat(ReservedWords.isReserved("users")).isFalse();
        assertThat(ReservedWords.isReserved("ordex")).isFalse();
        assertThat(ReservedWords.isReserved("customer_id")).isFalse();
        assertThat(ReservedWords.isReserved("")).isFalse();
        assertThat(ReservedWords.isReserved("_user")).isFalse();
    }

    @Test
    void readsNonAsciiNamesAsLowerCasingDoes() {
        // The Kelvin sign lower-cases to an ASCII k: this spelling of LIKE is the reserved word like.
        assertThat(ReservedWords.isReserved("LI\u212AE")).isTrue();
        assertThat(ReservedWords.isReserved("us\u00E9r")).isFalse();
    }
}
