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

class ForeignKeyTypeMismatchRuleTest {

    private final ForeignKeyTypeMismatchRule rule = new ForeignKeyTypeMismatchRule();

    private static TableExtras orders(String customerIdType) {
        return TableExtras.of(table("public.orders").column("id", "bigint", true)
                .column("customer_id", customerIdType).column("sku", "character varying(20)"));
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(
                fires("integer referencing bigint", orders("integer")
                        .foreignKey("orders_customer_id_fkey", "customer_id", "public.customers", "bigint", null)
                        .build(), Severity.MEDIUM,
                        "public.orders has foreign key columns of another type than the key they reference",
                        "orders_customer_id_fkey: customer_id integer → public.customers(id) bigint"),
                fires("shorter varchar", orders("bigint")
                        .foreignKey("orders_sku_fkey", "sku", "public.products", "character varying(40)", null)
                        .build(), Severity.MEDIUM, "sku character varying(20) → public.products(id) character "
                                + "varying(40)"),
                fires("every mismatch listed", orders("integer")
                        .foreignKey("orders_customer_id_fkey", "customer_id", "public.customers", "bigint", null)
                        .foreignKey("orders_sku_fkey", "sku", "public.products", "text", null).build(),
                        Severity.MEDIUM, "orders_customer_id_fkey: customer_id", ", orders_sku_fkey: sku"));
    }

    static Stream<Named<TableSnapshot>> matchingTypes() {
        return Stream.of(
                silent("same type", orders("bigint")
                        .foreignKey("orders_customer_id_fkey", "customer_id", "public.customers", "bigint", null)
                        .build()),
                silent("referenced types not captured", orders("integer")
                        .foreignKey("orders_customer_id_fkey", "customer_id", "public.customers", null, null)
                        .build()),
                silent("no foreign keys", orders("integer").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mismatches")
    void flagsTypeMismatch(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matchingTypes")
    void acceptsMatchingOrUnknownTypes(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
