package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Events.ddl;
import static io.schemagov.rules.Tables.GB;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TableRewriteRuleTest {

    private final TableRewriteRule rule = new TableRewriteRule();

    private static TableSnapshot orders(long rows, long bytes) {
        return table("public.orders").primaryKey("id").column("total", "numeric").size(rows, bytes).build();
    }

    private static SchemaChangeEvent alterType(TableSnapshot... tables) {
        return ddl("ALTER TABLE", "public.orders", "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2)")
                .rewrite("public.orders", "ALTER COLUMN TYPE").tables(tables).build();
    }

    static Stream<Arguments> rewrites() {
        return Stream.of(
                fires("huge table", alterType(orders(12_000_000, (long) (3.1 * GB))), Severity.CRITICAL,
                        "ALTER TABLE rewrote public.orders (ALTER COLUMN TYPE) under an ACCESS EXCLUSIVE lock "
                                + "(≈12M rows, 3.1 GB): reads and writes blocked for the whole rewrite"),
                fires("large table", alterType(orders(2_500_000, 400_000_000)), Severity.HIGH,
                        "(≈2.5M rows, 381 MB)"),
                fires("medium table", alterType(orders(250_000, 40_000_000)), Severity.MEDIUM, "≈250k rows"),
                fires("small table", alterType(orders(850, 65536)), Severity.LOW, "(≈850 rows, 64 kB)"),
                fires("empty table", alterType(orders(-1, 0)), Severity.LOW, "(rows unknown, 0 bytes)"),
                fires("no snapshot: size unknown is not small", alterType(), Severity.MEDIUM, "(size unknown)"),
                fires("several reasons", ddl("ALTER TABLE", "public.orders", "ALTER TABLE orders SET LOGGED, "
                        + "ADD uid uuid DEFAULT gen_random_uuid()")
                        .rewrite("public.orders", "SET LOGGED", "ADD COLUMN WITH VOLATILE DEFAULT")
                        .tables(orders(850, 65536)).build(), Severity.LOW,
                        "(SET LOGGED, ADD COLUMN WITH VOLATILE DEFAULT)"),
                fires("quoted identity", ddl("ALTER TABLE", "sales.\"Orders\"", "ALTER TABLE sales.\"Orders\" ...")
                        .rewrite("sales.\"Orders\"").tables(table("sales.Orders").size(850, 65536).build()).build(),
                        Severity.LOW, "rewrote sales.Orders under"));
    }

    static Stream<Named<SchemaChangeEvent>> noRewrites() {
        return Stream.of(
                silent("binary-compatible type change", ddl("ALTER TABLE", "public.orders",
                        "ALTER TABLE orders ALTER COLUMN note TYPE text").tables(orders(12_000_000, 3 * GB)).build()),
                silent("new column with a constant default", ddl("ALTER TABLE", "public.orders",
                        "ALTER TABLE orders ADD status text DEFAULT 'new'").tables(orders(12_000_000, 3 * GB))
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewrites")
    void flagsTableRewrite(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noRewrites")
    void staysQuietWithoutRewrite(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void reportsEachRewrittenTableWithItsOwnSize() {
        SchemaChangeEvent event = ddl("ALTER TYPE", "public.money_t", "ALTER TYPE money_t ...")
                .rewrite("public.orders", "ALTER TYPE").rewrite("public.refunds", "ALTER TYPE")
                .tables(orders(12_000_000, 3 * GB), table("public.refunds").size(850, 65536).build()).build();

        assertThat(rule.evaluate(event, RuleSettings.defaults()))
                .extracting(Finding::object, Finding::table, Finding::severity)
                .containsExactly(
                        tuple("public.orders", "orders", Severity.CRITICAL),
                        tuple("public.refunds", "refunds", Severity.LOW));
    }
}
