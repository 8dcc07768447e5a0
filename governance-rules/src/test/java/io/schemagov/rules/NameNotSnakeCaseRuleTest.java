package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NameNotSnakeCaseRuleTest {

    private final NameNotSnakeCaseRule rule = new NameNotSnakeCaseRule();

    static Stream<Arguments> badlyNamed() {
        return Stream.of(
                fires("camelCase columns", table("public.orders").column("id", "bigint").column("customerId", "bigint")
                        .column("createdAt", "date").build(), Severity.LOW,
                        "public.orders has names that are not lower snake_case",
                        "columns \"customerId\", \"createdAt\""),
                fires("PascalCase table", table("public.OrderLines").column("id", "bigint").build(), Severity.LOW,
                        "table \"OrderLines\""),
                fires("space and hyphen", table("public.orders").column("unit price", "numeric")
                        .column("ship-to", "text").build(), Severity.LOW, "\"unit price\", \"ship-to\""),
                fires("leading digit or underscore", table("public.orders").column("2fa", "boolean")
                        .column("_hidden", "text").build(), Severity.LOW, "\"2fa\", \"_hidden\""));
    }

    static Stream<Named<TableSnapshot>> wellNamed() {
        return Stream.of(
                silent("snake_case", table("public.order_lines").column("id", "bigint")
                        .column("order_id", "bigint").column("line_2", "text").build()),
                silent("view", table("public.Totals").kind("view").column("Sum", "numeric").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badlyNamed")
    void flagsNamesOutsideSnakeCase(TableSnapshot table, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(table, RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, rule.info(), severity, fragments);
        assertThat(finding.message()).doesNotContain("\"id\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellNamed")
    void acceptsSnakeCase(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
