package io.schemagov.rules.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.rules.RuleSettings;
import io.schemagov.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesFileTest {

    @Test
    void readsEverySection() {
        RulesFile file = RulesFile.parse("rules.yml", """
                thresholds:
                  small-table-rows: 5_000
                rules:
                  json-instead-of-jsonb:
                    enabled: false
                  table-dropped:
                    severity: critical
                  too-many-indexes:
                    max-indexes: 6
                suppressions:
                  - rule: primary-key-missing
                    object: public.event_log
                    database: shop
                    reason: append-only
                    author: jane
                    expires: 2027-03-31
                """);

        assertThat(file.thresholds().smallTableRows()).isEqualTo(5_000L);
        assertThat(file.thresholds().largeTableRows()).isNull();
        assertThat(file.overrides().get("json-instead-of-jsonb").enabled()).isFalse();
        assertThat(file.overrides().get("table-dropped").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(file.options().maxIndexesPerTable()).isEqualTo(6);
        assertThat(file.suppressions()).singleElement().satisfies(s -> {
            assertThat(s.object()).isEqualTo("public.event_log");
            assertThat(s.database()).isEqualTo("shop");
            assertThat(s.suppression().expires()).hasToString("2027-03-31");
        });
    }

    @Test
    void anEmptyFileChangesNothing() {
        assertThat(RulesFile.parse("rules.yml", "# nothing yet\n")).isEqualTo(RulesFile.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rules:\\n  no-such-rule:\\n    enabled: false                | line 2: unknown rule 'no-such-rule'",
            "rule:\\n  table-dropped: {}                                    | line 1: unknown key 'rule' in the rules file",
            "rules:\\n  table-dropped:\\n    severity: urgent             | line 3: rules.table-dropped.severity must be one of INFO, LOW, MEDIUM, HIGH, CRITICAL, got 'urgent'",
            "rules:\\n  table-dropped:\\n    enabled: maybe               | line 3: rules.table-dropped.enabled must be true or false",
            "rules:\\n  table-dropped:\\n    columns: [a]                 | line 3: 'columns' is a setting of rule audit-columns-missing only",
            "rules:\\n  too-many-indexes:\\n    max-indexes: 0            | line 3: rules.too-many-indexes.max-indexes must be a whole number of at least 1, got '0'",
            "thresholds:\\n  small-table-rows: ten                          | line 2: thresholds.small-table-rows must be a whole number",
            "thresholds:\\n  tiny-table-rows: 10                            | line 2: unknown key 'tiny-table-rows'",
            "suppressions:\\n  - rule: table-dropped\\n    object: t\\n    author: a | line 2: a suppression needs 'reason'",
            "suppressions:\\n  - {rule: table-dropped, object: t, reason: r, author: a, expires: soon} | line 2: expires must be a date like 2027-03-31, got 'soon'",
            "suppressions:\\n  - {rule: nope, object: t, reason: r, author: a} | line 2: unknown rule 'nope'",
            "suppressions:\\n  - {rule: table-dropped, object: t, reason: ' ', author: a} | line 2: reason must not be empty",
            "suppressions: {rule: table-dropped}                            | line 1: suppressions must be a list",
            "rules:\\n  table-dropped:\\n    severity: low\\n    severity: high | line 4: 'severity' is given twice",
            "rules:\\n  table-dropped: [\\n                                    | not valid YAML"})
    void aMistakeIsReportedWithItsLine(String yaml, String message) {
        assertThatThrownBy(() -> RulesFile.parse("rules.yml", yaml.replace("\\n", "\n")))
                .isInstanceOf(RulesFileException.class)
                .hasMessageStartingWith("rules.yml, line ")
                .hasMessageContaining(message.strip());
    }

    @Test
    void thresholdsThatContradictEachOtherAreReportedWhenTheEngineIsBuilt() {
        RulesFile file = RulesFile.parse("rules.yml", "rules:\n  table-dropped:\n    thresholds:\n"
                + "      large-table-rows: 100000000\n");

        assertThatThrownBy(() -> file.engine("rules.yml", RuleSettings.defaults()))
                .isInstanceOf(RulesFileException.class)
                .hasMessage("rules.yml, line 4: rules.table-dropped.thresholds: need small-table-rows <= "
                        + "large-table-rows <= huge-table-rows, got 10000, 100000000, 10000000");
    }
}
