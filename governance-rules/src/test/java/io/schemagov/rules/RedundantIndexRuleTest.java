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

class RedundantIndexRuleTest {

    private final RedundantIndexRule rule = new RedundantIndexRule();

    private static Tables.Builder orders() {
        return table("public.orders").column("id", "bigint", true).column("customer_id", "bigint")
                .column("created_at", "timestamp with time zone").primaryKey("id");
    }

    static Stream<Arguments> coveredIndexes() {
        return Stream.of(
                fires("leading column of a wider index", orders().index("orders_customer_idx", "customer_id")
                        .index("orders_customer_created_idx", "customer_id", "created_at").build(), Severity.LOW,
                        "public.orders has indexes that others cover: orders_customer_idx (customer_id) is covered "
                                + "by orders_customer_created_idx (customer_id, created_at)"),
                fires("same keys as a unique index", TableExtras.of(orders().index("orders_customer_idx",
                        "customer_id")).unique("orders_customer_key", false, "customer_id").build(), Severity.LOW,
                        "orders_customer_idx (customer_id) is covered by orders_customer_key (customer_id)"),
                fires("the primary key leads", orders().index("orders_id_idx", "id").build(), Severity.LOW,
                        "orders_id_idx (id) is covered by orders_pkey (id)"),
                fires("same partial predicate", orders().partialIndex("a", "(deleted_at IS NULL)", "customer_id")
                        .partialIndex("b", "(deleted_at IS NULL)", "customer_id", "created_at").build(),
                        Severity.LOW, "a (customer_id) is covered by b (customer_id, created_at)"));
    }

    static Stream<Named<TableSnapshot>> neededIndexes() {
        return Stream.of(
                silent("not a leading prefix", orders().index("a", "created_at")
                        .index("b", "customer_id", "created_at").build()),
                silent("narrow index is unique", TableExtras.of(orders()
                        .index("b", "customer_id", "created_at")).unique("a", false, "customer_id").build()),
                silent("different predicates", orders().partialIndex("a", "(deleted_at IS NULL)", "customer_id")
                        .index("b", "customer_id", "created_at").build()),
                silent("different ordering", TableExtras.of(orders())
                        .index("a", false, "(customer_id DESC)", null, "customer_id")
                        .index("b", false, "(customer_id, created_at)", null, "customer_id", "created_at").build()),
                silent("narrow index has INCLUDE columns", TableExtras.of(orders())
                        .index("a", false, "(customer_id) INCLUDE (created_at)", null, "customer_id")
                        .index("b", false, "(customer_id, id)", null, "customer_id", "id").build()),
                silent("exact duplicates are another rule's", orders().index("a", "customer_id")
                        .index("b", "customer_id").build()),
                silent("wider index invalid", orders().index("a", "customer_id")
                        .invalidIndex("b", "customer_id", "created_at").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coveredIndexes")
    void flagsCoveredIndex(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neededIndexes")
    void acceptsIndexesNoOtherCovers(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
