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

class VarcharLengthLimitRuleTest {

    private final VarcharLengthLimitRule rule = new VarcharLengthLimitRule();

    static Stream<Arguments> limitedColumns() {
        return Stream.of(
                fires("varchar(n)", table("public.customers").column("email", "character varying(255)").build(),
                        Severity.INFO, "public.customers limits character columns by type: email character "
                                + "varying(255)"),
                fires("char(n) raises severity", table("public.customers").column("name", "character varying(80)")
                        .column("country", "character(2)").build(), Severity.LOW,
                        "country character(2), name character varying(80)", "character(n) pads values with spaces"),
                fires("array of varchar(n)", table("public.customers").column("tags", "character varying(20)[]")
                        .build(), Severity.INFO, "tags character varying(20)[]"));
    }

    static Stream<Named<TableSnapshot>> unlimitedColumns() {
        return Stream.of(
                silent("text", table("public.customers").column("email", "text").build()),
                silent("varchar without length", table("public.customers").column("email", "character varying")
                        .build()),
                silent("bpchar without length and \"char\"", table("public.customers").column("a", "bpchar")
                        .column("b", "\"char\"").build()),
                silent("view", table("public.v").kind("view").column("email", "character varying(255)").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limitedColumns")
    void flagsLengthLimitedTypes(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unlimitedColumns")
    void acceptsUnlimitedTypes(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
