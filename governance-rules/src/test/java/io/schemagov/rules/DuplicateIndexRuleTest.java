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

class DuplicateIndexRuleTest {

    private final DuplicateIndexRule rule = new DuplicateIndexRule();

    private static Tables.Builder orders() {
        return table("public.orders").column("id", "bigint", true).column("customer_id", "bigint")
                .column("created_at", "timestamp with time zone").primaryKey("id");
    }

    static Stream<Arguments> duplicates() {
        return Stream.of(
                fires("same columns twice", orders().index("orders_customer_idx", "customer_id")
                        .index("orders_customer_idx1", "customer_id").build(), Severity.MEDIUM,
                        "public.orders has duplicate indexes: orders_customer_idx, orders_customer_idx1 on "
                                + "(customer_id), drop orders_customer_idx1"),
                fires("a copy of the primary key's index", TableExtras.of(orders())
                        .index("orders_id_key", true, "(id)", null, "id").build(), Severity.MEDIUM,
                        "orders_pkey, orders_id_key on (id), drop orders_id_key"),
                fires("same partial index twice", orders().partialIndex("orders_open_idx", "(shipped_at IS NULL)",
                        "customer_id").partialIndex("orders_open_idx2", "(shipped_at IS NULL)", "customer_id")
                        .build(), Severity.MEDIUM, "orders_open_idx, orders_open_idx2"),
                fires("each group listed", orders().index("a1", "customer_id").index("a2", "customer_id")
                        .index("b1", "created_at").index("b2", "created_at").build(), Severity.MEDIUM,
                        "a1, a2 on (customer_id), drop a2; b1, b2 on (created_at), drop b2"));
    }

    static Stream<Named<TableSnapshot>> distinctIndexes() {
        return Stream.of(
                silent("different columns", orders().index("a", "customer_id").index("b", "created_at").build()),
                silent("same columns in another order", orders().index("a", "customer_id", "created_at")
                        .index("b", "created_at", "customer_id").build()),
                silent("unique and non-unique", TableExtras.of(orders().index("a", "customer_id"))
                        .index("b", true, "(customer_id)", null, "customer_id").build()),
                silent("different predicates", orders().partialIndex("a", "(shipped_at IS NULL)", "customer_id")
                        .index("b", "customer_id").build()),
                silent("different ordering", TableExtras.of(orders())
                        .index("a", false, "(customer_id, created_at DESC)", null, "customer_id", "created_at")
                        .index("b", false, "(customer_id, created_at)", null, "customer_id", "created_at").build()),
                silent("one of them invalid", orders().index("a", "customer_id").invalidIndex("b", "customer_id")
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicates")
    void flagsIdenticalIndexes(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distinctIndexes")
    void acceptsIndexesThatDiffer(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
