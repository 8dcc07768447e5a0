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

class OnDeleteNotStatedRuleTest {

    private final OnDeleteNotStatedRule rule = new OnDeleteNotStatedRule();

    private static TableExtras lines() {
        return TableExtras.of(table("public.order_lines").column("order_id", "bigint").column("sku", "text"));
    }

    static Stream<Arguments> unstatedActions() {
        return Stream.of(
                fires("no action clause", lines().foreignKey("order_lines_order_id_fkey", "order_id",
                        "public.orders", "bigint", null).build(), Severity.LOW,
                        "public.order_lines has a foreign key that does not state ON DELETE",
                        "order_lines_order_id_fkey (order_id) → public.orders"),
                fires("only ON UPDATE stated", lines().foreignKey("order_lines_sku_fkey", "sku", "public.products",
                        "text", "ON UPDATE CASCADE").build(), Severity.LOW, "order_lines_sku_fkey (sku)"),
                fires("several listed", lines().foreignKey("a_fkey", "order_id", "public.orders", "bigint", null)
                        .foreignKey("b_fkey", "sku", "public.products", "text", "ON DELETE CASCADE")
                        .foreignKey("c_fkey", "sku", "public.skus", "text", null).build(), Severity.LOW,
                        "has 2 foreign keys that do not state ON DELETE", "a_fkey (order_id) → public.orders, "
                                + "c_fkey (sku) → public.skus"));
    }

    static Stream<Named<TableSnapshot>> statedActions() {
        return Stream.of(
                silent("ON DELETE CASCADE", lines().foreignKey("order_lines_order_id_fkey", "order_id",
                        "public.orders", "bigint", "ON DELETE CASCADE").build()),
                silent("ON DELETE SET NULL with ON UPDATE", lines().foreignKey("order_lines_sku_fkey", "sku",
                        "public.products", "text", "ON UPDATE CASCADE ON DELETE SET NULL").build()),
                silent("no foreign keys", lines().build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unstatedActions")
    void flagsForeignKeyWithDefaultAction(TableSnapshot table, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(table, RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, rule.info(), severity, fragments);
        assertThat(finding.message()).doesNotContain("b_fkey");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statedActions")
    void acceptsStatedActions(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
