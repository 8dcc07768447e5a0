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

class ReservedWordNameRuleTest {

    private final ReservedWordNameRule rule = new ReservedWordNameRule();

    static Stream<Arguments> reservedNames() {
        return Stream.of(
                fires("table user", table("public.user").column("id", "bigint").build(), Severity.LOW,
                        "public.user uses reserved words as names, which work only double-quoted: table user"),
                fires("columns", table("public.items").column("order", "integer").column("group", "text")
                        .column("desc", "text").column("limit", "integer").build(), Severity.LOW,
                        "columns order, group, desc, limit"),
                fires("reserved except as function or type names", table("public.layout").column("left", "integer")
                        .column("right", "integer").build(), Severity.LOW, "columns left, right"),
                fires("any letter case", table("public.audit").column("User", "text").build(), Severity.LOW,
                        "column User"));
    }

    static Stream<Named<TableSnapshot>> ordinaryNames() {
        return Stream.of(
                silent("non-reserved key words", table("public.events").column("name", "text")
                        .column("type", "text").column("key", "text").column("value", "text")
                        .column("timestamp", "date").build()),
                silent("reserved word inside a name", table("public.users").column("user_id", "bigint")
                        .column("sort_order", "integer").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reservedNames")
    void flagsReservedWords(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ordinaryNames")
    void acceptsOtherNames(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
