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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IndexWithoutConcurrentlyRuleTest {

    private final IndexWithoutConcurrentlyRule rule = new IndexWithoutConcurrentlyRule();

    /** public.orders with the new index public.orders_customer_idx and the given size. */
    private static TableSnapshot orders(long rows, long bytes) {
        return table("public.orders").primaryKey("id").index("orders_customer_idx", "customer_id")
                .size(rows, bytes).build();
    }

    private static SchemaChangeEvent createIndex(String statement, TableSnapshot... tables) {
        return ddl("CREATE INDEX", "public.orders_customer_idx", statement).objectType("index")
                .object("CREATE INDEX", "index", "public.orders_customer_idx").tables(tables).build();
    }

    private static final String PLAIN = "CREATE INDEX orders_customer_idx ON orders (customer_id)";

    static Stream<Arguments> blockingBuilds() {
        return Stream.of(
                fires("small table", createIndex(PLAIN, orders(850, 64 * 1024)), Severity.LOW,
                        "CREATE INDEX orders_customer_idx took a SHARE lock on public.orders (≈850 rows, 64 kB)",
                        "blocked INSERT, UPDATE and DELETE for the whole build"),
                fires("medium table", createIndex(PLAIN, orders(250_000, 40_000_000)), Severity.MEDIUM, "≈250k rows"),
                fires("large table", createIndex(PLAIN, orders(2_500_000, 400_000_000)), Severity.HIGH, "≈2.5M rows"),
                fires("huge table", createIndex(PLAIN, orders(12_000_000, (long) (3.1 * GB))), Severity.CRITICAL,
                        "public.orders (≈12M rows, 3.1 GB)"),
                fires("never analysed: rows guessed from 8 kB", createIndex(PLAIN, orders(-1, 8192)), Severity.LOW,
                        "(rows unknown, 8 kB)"),
                fires("never analysed: rows guessed from 2 GB", createIndex(PLAIN, orders(-1, 2 * GB)),
                        Severity.CRITICAL, "(rows unknown, 2 GB)"),
                fires("analysed when empty, filled since", createIndex(PLAIN, orders(0, 50_000_000)),
                        Severity.MEDIUM, "(≈0 rows, 48 MB)"),
                fires("CONCURRENTLY only in a comment", createIndex(
                        "/* CONCURRENTLY next time */ CREATE INDEX orders_customer_idx -- CONCURRENTLY\n"
                                + "ON orders (customer_id)", orders(850, 65536)), Severity.LOW, "SHARE lock"),
                fires("CONCURRENTLY only in a string", createIndex(
                        "CREATE INDEX orders_customer_idx ON orders (customer_id) WHERE note <> 'CONCURRENTLY'",
                        orders(850, 65536)), Severity.LOW, "SHARE lock"),
                fires("unique index, odd spacing and case", createIndex(
                        "create\n  unique   index if not exists orders_customer_idx on public.orders(customer_id)",
                        orders(850, 65536)), Severity.LOW, "orders_customer_idx"),
                fires("inside a DO block, where CONCURRENTLY is impossible", createIndex(
                        "DO $$ BEGIN EXECUTE 'CREATE INDEX orders_customer_idx ON orders (customer_id)'; END $$",
                        orders(850, 65536)), Severity.LOW, "ran inside a function or DO block"),
                fires("the blocking one of two statements", createIndex(
                        "CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total); " + PLAIN,
                        orders(850, 65536)), Severity.LOW, "orders_customer_idx"),
                fires("unnamed index", ddl("CREATE INDEX", "public.orders_customer_id_idx",
                        "CREATE INDEX ON orders (customer_id)").tables(table("public.orders")
                                .index("orders_customer_id_idx", "customer_id").size(850, 65536).build()).build(),
                        Severity.LOW, "CREATE INDEX orders_customer_id_idx took a SHARE lock on public.orders"),
                fires("partitioned parent with unknown partition sizes", ddl("CREATE INDEX", "public.events_at_idx",
                        "CREATE INDEX events_at_idx ON events (at)").tables(table("public.events").partitioned()
                                .index("events_at_idx", "at").size(-1, 0).build()).build(),
                        Severity.MEDIUM, "SHARE lock on public.events and all its partitions",
                        "partition sizes not captured"));
    }

    static Stream<Named<SchemaChangeEvent>> harmlessBuilds() {
        return Stream.of(
                silent("CONCURRENTLY", createIndex("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders "
                        + "(customer_id)", orders(12_000_000, 3 * GB))),
                silent("lower-case concurrently", createIndex("create index concurrently orders_customer_idx on "
                        + "orders (customer_id)", orders(12_000_000, 3 * GB))),
                silent("UNIQUE CONCURRENTLY IF NOT EXISTS", createIndex("CREATE UNIQUE INDEX CONCURRENTLY IF NOT "
                        + "EXISTS orders_customer_idx ON public.orders USING btree (customer_id)",
                        orders(12_000_000, 3 * GB))),
                silent("CONCURRENTLY after a leading comment", createIndex("-- ticket 42\n/* nested /* c */ */"
                        + "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);",
                        orders(12_000_000, 3 * GB))),
                silent("empty new table", createIndex(PLAIN, orders(-1, 0))),
                silent("analysed empty table", createIndex(PLAIN, orders(0, 0))),
                silent("ON ONLY a partitioned parent", ddl("CREATE INDEX", "public.events_at_idx",
                        "CREATE INDEX events_at_idx ON ONLY events (at)").tables(table("public.events").partitioned()
                                .index("events_at_idx", "at").build()).build()),
                silent("statement text not captured", createIndex(null, orders(12_000_000, 3 * GB))),
                silent("no snapshot of the table", createIndex(PLAIN)),
                silent("primary key index built by CREATE TABLE", ddl("CREATE TABLE", "public.orders",
                        "CREATE TABLE orders (id bigint PRIMARY KEY)").object("CREATE TABLE", "table", "public.orders")
                                .object("CREATE INDEX", "index", "public.orders_pkey").tables(orders(-1, 0)).build()),
                silent("other DDL", ddl("ALTER TABLE", "public.orders", "ALTER TABLE orders ADD note text")
                        .tables(orders(12_000_000, 3 * GB)).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockingBuilds")
    void flagsIndexBuiltWithoutConcurrently(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).table()).isEqualTo(event.getTables().get(0).getTableName());
        assertThat(findings.get(0).object()).isEqualTo(event.getObjectIdentity());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("harmlessBuilds")
    void acceptsConcurrentOrHarmlessBuilds(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void findsTheIndexedTableAmongSeveralSnapshots() {
        SchemaChangeEvent event = createIndex(PLAIN, table("public.customers").size(5_000_000, GB).build(),
                orders(850, 65536));

        assertThat(rule.evaluate(event, RuleSettings.defaults()))
                .singleElement()
                .satisfies(finding -> assertThat(finding.table()).isEqualTo("orders"))
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(Severity.LOW));
    }
}
