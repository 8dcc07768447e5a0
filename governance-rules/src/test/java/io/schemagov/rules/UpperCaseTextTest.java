package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpperCaseTextTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "FOREIGN KEY (a) REFERENCES b(id) ON DELETE CASCADE | ON DELETE",
        "foreign key (a) references b(id) on delete cascade | ON DELETE",
        "FOREIGN KEY (a) REFERENCES b(id) | ON DELETE",
        "ON DELET | ON DELETE",
        "on delete | ON DELETE",
        "x on deletE | ON DELETE",
        "UNIQUE NULLS NOT DISTINCT (a) | NULLS NOT DISTINCT",
        "INCLUDE (a) | INCLUDE",
        "ﬁnclude (a) | INCLUDE",
        "Straße include | INCLUDE",
        "ıNCLUDE | INCLUDE",
        "' ' | INCLUDE"})
    void findsWhatTheUpperCaseCopyContains(String text, String word) {
        assertThat(UpperCaseText.contains(text, word)).isEqualTo(text.toUpperCase(Locale.ROOT).contains(word));
    }
}
