package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Tables.GB;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForeignKeyWithoutIndexRuleTest {

    private final ForeignKeyWithoutIndexRule rule = new ForeignKeyWithoutIndexRule();

    private static Tables.Builder orderLines() {
        return table("public.order_lines").primaryKey("id")
                .foreignKey("order_lines_order_id_fkey", "public.orders", "order_id");
    }

    static Stream<Arguments> uncoveredForeignKeys() {
        return Stream.of(
                fires("no index at all", orderLines().size(50_000, 5_000_000).build(), Severity.MEDIUM,
                        "public.order_lines has a foreign key without an index on its columns",
                        "order_lines_order_id_fkey (order_id) → public.orders", "≈50k rows"),
                fires("large table raises severity", orderLines().size(12_000_000, 3 * GB).build(), Severity.HIGH,
                        "order_lines_order_id_fkey (order_id)", "(≈12M rows, 3 GB)"),
                fires("never analysed large table judged by its size", orderLines().size(-1, 2 * GB).build(),
                        Severity.HIGH, "rows unknown, 2 GB"),
                fires("key column second in the index", orderLines().index("order_lines_sku_order_idx", "sku",
                        "order_id").build(), Severity.MEDIUM, "order_lines_order_id_fkey"),
                fires("index only invalid", orderLines().invalidIndex("order_lines_order_id_idx", "order_id").build(),
                        Severity.MEDIUM, "order_lines_order_id_fkey"),
                fires("index only partial", orderLines().partialIndex("order_lines_open_idx", "(NOT shipped)",
                        "order_id").build(), Severity.MEDIUM, "order_lines_order_id_fkey"),
                fires("composite key only half covered", table("public.shipments")
                        .foreignKey("shipments_line_fkey", "public.order_lines", "order_id", "line_no")
                        .index("shipments_order_idx", "order_id").build(), Severity.MEDIUM,
                        "shipments_line_fkey (order_id, line_no)"),
                fires("every uncovered key listed once", orderLines()
                        .foreignKey("order_lines_product_id_fkey", "public.products", "product_id")
                        .foreignKey("order_lines_warehouse_id_fkey", "public.warehouses", "warehouse_id")
                        .index("order_lines_warehouse_id_idx", "warehouse_id").build(), Severity.MEDIUM,
                        "has 2 foreign keys without an index on their columns",
                        "order_lines_order_id_fkey (order_id) → public.orders, "
                                + "order_lines_product_id_fkey (product_id) → public.products"));
    }

    static Stream<Named<TableSnapshot>> coveredForeignKeys() {
        return Stream.of(
                silent("no foreign keys", table("public.orders").primaryKey("id").build()),
                silent("single-column index", orderLines().index("order_lines_order_id_idx", "order_id").build()),
                silent("key columns lead a wider index",
                        orderLines().index("order_lines_order_sku_idx", "order_id", "sku").build()),
                silent("composite key in other order within the prefix", table("public.shipments")
                        .foreignKey("shipments_line_fkey", "public.order_lines", "order_id", "line_no")
                        .index("shipments_line_idx", "line_no", "order_id", "shipped_at").build()),
                silent("covered by the primary key", table("public.order_items").primaryKey("order_id", "line_no")
                        .foreignKey("order_items_order_fkey", "public.orders", "order_id").build()),
                silent("covered by a unique constraint's index", orderLines()
                        .unique("order_lines_order_line_key", "order_id", "line_no").build()),
                silent("view", table("public.v").kind("view")
                        .foreignKey("v_fkey", "public.orders", "order_id").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uncoveredForeignKeys")
    void flagsForeignKeyWithoutSupportingIndex(TableSnapshot table, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(table, RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, rule.info(), severity, fragments);
        assertThat(finding.table()).isEqualTo(table.getTableName());
        assertThat(finding.message()).doesNotContain("warehouse_id");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coveredForeignKeys")
    void acceptsForeignKeyLeadingAValidIndex(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
