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

class EnumTypeColumnRuleTest {

    private final EnumTypeColumnRule rule = new EnumTypeColumnRule();

    private static TableExtras orders() {
        return TableExtras.of(table("public.orders").column("id", "bigint", true));
    }

    static Stream<Arguments> enumColumns() {
        return Stream.of(
                fires("one enum", orders().column("status", "order_status", "E", true).build(), Severity.INFO,
                        "public.orders has enum-typed columns, whose values change only by DDL: status order_status"),
                fires("several", orders().column("status", "order_status", "E", true)
                        .column("channel", "sales.channel", "E", false).build(), Severity.INFO,
                        "status order_status, channel sales.channel"));
    }

    static Stream<Named<TableSnapshot>> otherColumns() {
        return Stream.of(
                silent("text with a check", orders().column("status", "text", "S", true)
                        .check("orders_status_check", "CHECK ((status = ANY (ARRAY['new'::text, 'paid'::text])))",
                                "status").build()),
                silent("composite or domain type", orders().column("address", "address", "C", false).build()),
                silent("category not captured", table("public.orders").column("status", "order_status").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumColumns")
    void notesEnumColumns(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherColumns")
    void ignoresOtherTypes(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
