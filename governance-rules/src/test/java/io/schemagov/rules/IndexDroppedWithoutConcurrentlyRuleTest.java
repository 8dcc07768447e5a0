package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Events.ddl;
import static io.schemagov.rules.Tables.GB;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IndexDroppedWithoutConcurrentlyRuleTest {

    private final IndexDroppedWithoutConcurrentlyRule rule = new IndexDroppedWithoutConcurrentlyRule();

    private static TableSnapshot orders(long rows, long bytes) {
        return table("public.orders").primaryKey("id").size(rows, bytes).build();
    }

    private static SchemaChangeEvent dropIndex(String statement, TableSnapshot... tables) {
        return ddl("DROP INDEX", null, statement).dropped("index", "public.orders_customer_idx", true)
                .tables(tables).build();
    }

    static Stream<Arguments> blockingDrops() {
        return Stream.of(
                fires("small table", dropIndex("DROP INDEX orders_customer_idx", orders(850, 65536)), Severity.LOW,
                        "DROP INDEX orders_customer_idx took an ACCESS EXCLUSIVE lock on public.orders "
                                + "(≈850 rows, 64 kB)", "blocked reads and writes"),
                fires("huge table", dropIndex("DROP INDEX IF EXISTS public.orders_customer_idx CASCADE",
                        orders(12_000_000, 3 * GB)), Severity.CRITICAL, "(≈12M rows, 3 GB)"),
                fires("never analysed table with data", dropIndex("drop index orders_customer_idx",
                        orders(-1, 8192)), Severity.LOW, "rows unknown, 8 kB"),
                fires("CONCURRENTLY only in a comment", dropIndex("DROP INDEX /* CONCURRENTLY */ orders_customer_idx",
                        orders(250_000, 40_000_000)), Severity.MEDIUM, "ACCESS EXCLUSIVE"),
                fires("inside a DO block", dropIndex("DO $$ BEGIN DROP INDEX orders_customer_idx; END $$",
                        orders(2_500_000, 400_000_000)), Severity.HIGH, "ACCESS EXCLUSIVE"),
                fires("table picked by the index name among several snapshots",
                        dropIndex("DROP INDEX orders_customer_idx", table("public.customers").size(5, 8192).build(),
                                orders(2_500_000, 400_000_000)), Severity.HIGH, "lock on public.orders"));
    }

    static Stream<Named<SchemaChangeEvent>> harmlessDrops() {
        return Stream.of(
                silent("CONCURRENTLY", dropIndex("DROP INDEX CONCURRENTLY orders_customer_idx",
                        orders(12_000_000, 3 * GB))),
                silent("CONCURRENTLY IF EXISTS", dropIndex("drop index concurrently if exists "
                        + "public.orders_customer_idx", orders(12_000_000, 3 * GB))),
                silent("empty table", dropIndex("DROP INDEX orders_customer_idx", orders(-1, 0))),
                silent("no snapshot of the table", dropIndex("DROP INDEX orders_customer_idx")),
                silent("statement text not captured", dropIndex(null, orders(12_000_000, 3 * GB))),
                silent("index dropped with its table", ddl("DROP TABLE", "public.orders", "DROP TABLE orders")
                        .dropped("table", "public.orders", true).dropped("index", "public.orders_pkey", false)
                        .build()),
                silent("index dropped with its constraint", ddl("ALTER TABLE", "public.orders",
                        "ALTER TABLE orders DROP CONSTRAINT orders_code_key")
                        .dropped("index", "public.orders_code_key", false).tables(orders(12_000_000, 3 * GB))
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockingDrops")
    void flagsIndexDroppedWithoutConcurrently(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).object()).isEqualTo("public.orders_customer_idx");
        assertThat(findings.get(0).table()).isEqualTo("orders");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("harmlessDrops")
    void acceptsConcurrentOrHarmlessDrops(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }
}
