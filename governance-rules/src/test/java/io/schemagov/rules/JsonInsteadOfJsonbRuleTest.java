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

class JsonInsteadOfJsonbRuleTest {

    private final JsonInsteadOfJsonbRule rule = new JsonInsteadOfJsonbRule();

    static Stream<Arguments> jsonColumns() {
        return Stream.of(
                fires("json", table("public.events").column("payload", "json").column("meta", "jsonb").build(),
                        Severity.LOW, "public.events stores json rather than jsonb in payload:",
                        "reparsed on every access"),
                fires("json array", table("public.events").column("payload", "json")
                        .column("parts", "json[]").build(), Severity.LOW, "in payload, parts:"));
    }

    static Stream<Named<TableSnapshot>> otherColumns() {
        return Stream.of(
                silent("jsonb", table("public.events").column("payload", "jsonb").build()),
                silent("text named json", table("public.events").column("json", "text").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonColumns")
    void flagsJsonColumns(TableSnapshot table, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(table, RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, rule.info(), severity, fragments);
        assertThat(finding.message()).doesNotContain("meta");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherColumns")
    void acceptsJsonb(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
