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

class TableTruncatedRuleTest {

    private final TableTruncatedRule rule = new TableTruncatedRule();

    private static TableSnapshot orders(long rows, long bytes) {
        return table("public.orders").primaryKey("id").column("total", "numeric").size(rows, bytes).build();
    }

    private static Events.Builder truncate(String sql, TableSnapshot... before) {
        return ddl("TRUNCATE TABLE", "public.orders", sql).objectType("table")
                .object("TRUNCATE TABLE", "table", "public.orders").tables(before);
    }

    static Stream<Arguments> truncates() {
        return Stream.of(
                fires("table with rows", truncate("TRUNCATE orders", orders(250_000, 40_000_000)).build(),
                        Severity.HIGH, "TRUNCATE emptied public.orders (≈250k rows, 38 MB): the rows are gone "
                                + "unless restored from a backup"),
                fires("never analysed but with pages", truncate("TRUNCATE orders", orders(-1, 65536)).build(),
                        Severity.HIGH, "(rows unknown, 64 kB)"),
                fires("empty table", truncate("TRUNCATE orders", orders(0, 0)).build(), Severity.LOW,
                        "(≈0 rows, 0 bytes)"),
                fires("many rows", truncate("TRUNCATE orders", orders(12_000_000, 3 * GB)).build(),
                        Severity.CRITICAL, "(≈12M rows, 3 GB)"),
                fires("from large-table-rows on", truncate("TRUNCATE orders", orders(1_000_000, GB)).build(),
                        Severity.CRITICAL, "≈1M rows"),
                fires("CASCADE with the tables it emptied", truncate("TRUNCATE orders CASCADE", orders(850, 65536))
                        .object("TRUNCATE TABLE", "table", "public.order_items")
                        .object("TRUNCATE TABLE", "table", "billing.\"Invoices\"").build(), Severity.CRITICAL,
                        "TRUNCATE ... CASCADE emptied public.orders (≈850 rows, 64 kB); the cascade also empties "
                                + "the tables referencing it: public.order_items, billing.Invoices"),
                fires("CASCADE of an empty table is still critical", truncate("truncate table orders cascade;",
                        orders(0, 0)).build(), Severity.CRITICAL, "TRUNCATE ... CASCADE emptied public.orders"),
                fires("CASCADE in a comment does not count", truncate("-- no CASCADE here\nTRUNCATE orders",
                        orders(850, 65536)).build(), Severity.HIGH, "TRUNCATE emptied public.orders"),
                fires("no snapshot: unknown is not empty", truncate("TRUNCATE orders").build(), Severity.HIGH,
                        "(rows before it unknown)"),
                fires("partitioned parent: its rows are in its partitions", truncate("TRUNCATE orders",
                        table("public.orders").kind("partitioned table").size(0, 0).build()).build(),
                        Severity.HIGH, "a partitioned table"));
    }

    static Stream<Named<SchemaChangeEvent>> notTruncates() {
        return Stream.of(
                silent("drop table", ddl("DROP TABLE", "public.orders", "DROP TABLE orders")
                        .dropped("table", "public.orders", true).build()),
                silent("delete in batches", ddl("DELETE", "public.orders", "DELETE FROM orders WHERE id < 100")
                        .tables(orders(12_000_000, 3 * GB)).build()),
                silent("alter table mentioning truncate in a comment", ddl("ALTER TABLE", "public.orders",
                        "-- TRUNCATE later\nALTER TABLE orders ADD note text").tables(orders(850, 65536)).build()),
                silent("truncate without a table", ddl("TRUNCATE TABLE", null, "TRUNCATE orders").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncates")
    void flagsTruncatedTables(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).object()).isEqualTo(event.getObjectIdentity().replace("\"", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTruncates")
    void staysQuietWithoutTruncate(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }
}
