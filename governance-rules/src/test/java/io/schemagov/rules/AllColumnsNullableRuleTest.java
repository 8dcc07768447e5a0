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

class AllColumnsNullableRuleTest {

    private final AllColumnsNullableRule rule = new AllColumnsNullableRule();

    static Stream<Arguments> looseTables() {
        return Stream.of(
                fires("every column nullable", table("public.imports").column("id", "bigint").column("line", "text")
                        .column("at", "date").build(), Severity.LOW,
                        "public.imports has no NOT NULL column: all 3 columns accept NULL (id, line, at)"),
                fires("single column", table("public.notes").column("body", "text").build(), Severity.LOW,
                        "its only column accepts NULL (body)"));
    }

    static Stream<Named<TableSnapshot>> tablesWithRequiredColumns() {
        return Stream.of(
                silent("one NOT NULL column", table("public.imports").column("id", "bigint", true)
                        .column("line", "text").build()),
                silent("identity column", TableExtras.of(table("public.imports").column("line", "text"))
                        .identity("id", "bigint").build()),
                silent("no columns", table("public.empty").build()),
                silent("view", table("public.v").kind("view").column("a", "text").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looseTables")
    void flagsTablesWithoutRequiredColumns(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tablesWithRequiredColumns")
    void acceptsTablesWithARequiredColumn(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
