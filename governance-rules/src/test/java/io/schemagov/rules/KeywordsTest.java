package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    private final Keywords keywords = Keywords.of("NOT", "NULL", "DEFAULT", "CHECK");

    @Test
    void findsKeywordsInAnyLetterCase() {
        assertThat(keywords.find("DEFAULT")).isEqualTo("DEFAULT");
        assertThat(keywords.find("default")).isEqualTo("DEFAULT");
        assertThat(keywords.find("Not")).isEqualTo("NOT");
        assertThat(keywords.contains("nUlL")).isTrue();
    }

    @Test
    void findsNoOtherWord() {
        assertThat(keywords.find("note")).isNull();
        assertThat(keywords.find("NO")).isNull();
        assertThat(keywords.contains("checks")).isFalse();
        assertThat(keywords.contains("")).isFalse();
    }

    @Test
    void readsNonAsciiWordsAsUpperCaseDoes() {
        assertThat(keywords.find("chéck")).isNull();
        // The dotless i upper-cases to an ASCII I, so "ın" is IN in upper case.
        assertThat(Keywords.of("IN").find("ın")).isEqualTo("IN");
    }

    @Test
    void agreesWithUpperCasingForEveryKeywordInEveryCase() {
        Set<String> all = Set.of("ADD", "ALTER", "OWNER", "NOWAIT");
        Keywords set = Keywords.of(all.toArray(String[]::new));
        for (String word : all) {
            String lower = word.toLowerCase(Locale.ROOT);
            String mixed = lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
            for (String written : new String[] {word, lower, mixed}) {
                assertThat(set.find(written)).isEqualTo(written.toUpperCase(Locale.ROOT));
            }
        }
    }

    @Test
    void rejectsKeywordsItCouldNotFind() {
        assertThatThrownBy(() -> Keywords.of("Check")).isInstanceOf(IllegalArgumentException.class);
    }
}
