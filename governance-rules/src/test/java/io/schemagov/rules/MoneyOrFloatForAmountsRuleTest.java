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

class MoneyOrFloatForAmountsRuleTest {

    private final MoneyOrFloatForAmountsRule rule = new MoneyOrFloatForAmountsRule();

    static Stream<Arguments> inexactAmounts() {
        return Stream.of(
                fires("money type", table("public.invoices").column("due", "money").build(), Severity.MEDIUM,
                        "public.invoices uses the money type in due; use numeric for exact amounts"),
                fires("double precision price", table("public.products").column("unit_price", "double precision")
                        .column("weight", "double precision").build(), Severity.MEDIUM,
                        "floating point for amounts in unit_price double precision"),
                fires("real in camelCase", table("public.orders").column("totalAmount", "real").build(),
                        Severity.MEDIUM, "totalAmount real"),
                fires("both", table("public.payroll").column("salary", "double precision")
                        .column("bonus", "money").build(), Severity.MEDIUM,
                        "the money type in bonus and floating point for amounts in salary double precision"));
    }

    static Stream<Named<TableSnapshot>> exactOrUnrelated() {
        return Stream.of(
                silent("numeric amounts", table("public.orders").column("total", "numeric(12,2)")
                        .column("amount_cents", "bigint").build()),
                silent("floats that are no amounts", table("public.readings").column("temperature", "double precision")
                        .column("latitude", "real").build()),
                silent("amount word only inside another word", table("public.items")
                        .column("priceless_rating", "double precision").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inexactAmounts")
    void flagsInexactAmounts(TableSnapshot table, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(table, RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, rule.info(), severity, fragments);
        assertThat(finding.message()).doesNotContain("weight");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactOrUnrelated")
    void acceptsExactOrUnrelatedColumns(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
