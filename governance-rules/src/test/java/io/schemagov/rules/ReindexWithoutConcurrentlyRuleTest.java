package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.HUGE_BYTES;
import static io.schemagov.rules.LockFixtures.HUGE_ROWS;
import static io.schemagov.rules.LockFixtures.indexCommand;
import static io.schemagov.rules.LockFixtures.indexed;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReindexWithoutConcurrentlyRuleTest {

    private final ReindexWithoutConcurrentlyRule rule = new ReindexWithoutConcurrentlyRule();

    private static SchemaChangeEvent reindex(String sql, long rows, long bytes) {
        return indexCommand("REINDEX", sql, indexed(rows, bytes));
    }

    static Stream<Arguments> blockingRebuilds() {
        return Stream.of(
                fires("REINDEX INDEX on a huge table", reindex("REINDEX INDEX orders_customer_idx", HUGE_ROWS,
                        HUGE_BYTES), Severity.CRITICAL,
                        "REINDEX rebuilt public.orders_customer_idx without CONCURRENTLY: it held a SHARE lock on "
                                + "public.orders (≈12M rows, 3.1 GB), blocking INSERT, UPDATE and DELETE",
                        "an ACCESS EXCLUSIVE lock on each index while rebuilding it, which blocks nearly every query"),
                fires("options without CONCURRENTLY", reindex("REINDEX (VERBOSE, TABLESPACE fast) TABLE orders",
                        250_000, 40_000_000), Severity.MEDIUM, "≈250k rows"),
                fires("CONCURRENTLY false", reindex("REINDEX (CONCURRENTLY false) INDEX orders_customer_idx", 850,
                        65536), Severity.LOW, "without CONCURRENTLY"),
                fires("inside a DO block", reindex("DO $$ BEGIN EXECUTE 'REINDEX INDEX orders_customer_idx'; END $$",
                        850, 65536), Severity.LOW, "ran inside a function or DO block"));
    }

    static Stream<Named<SchemaChangeEvent>> concurrentOrEmpty() {
        return Stream.of(
                silent("CONCURRENTLY", reindex("REINDEX INDEX CONCURRENTLY orders_customer_idx", HUGE_ROWS,
                        HUGE_BYTES)),
                silent("CONCURRENTLY option", reindex("reindex (concurrently) table orders", HUGE_ROWS, HUGE_BYTES)),
                silent("empty table", reindex("REINDEX TABLE orders", -1, 0)),
                silent("not a REINDEX", indexCommand("CREATE INDEX", "CREATE INDEX orders_customer_idx ON orders "
                        + "(customer_id)", indexed(HUGE_ROWS, HUGE_BYTES))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockingRebuilds")
    void flagsBlockingRebuilds(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).object()).isEqualTo("public.orders_customer_idx");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("concurrentOrEmpty")
    void acceptsConcurrentRebuilds(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }

    @Test
    void reportsEachTableOfAMultiTableReindex() {
        SchemaChangeEvent event = Events.ddl("REINDEX", "public.orders_customer_idx", "REINDEX SCHEMA public")
                .object("REINDEX", "index", "public.orders_customer_idx")
                .object("REINDEX", "index", "public.customers_pkey")
                .tables(indexed(HUGE_ROWS, HUGE_BYTES), Tables.table("public.customers").primaryKey("id")
                        .size(850, 65536).build())
                .build();

        assertThat(LockFixtures.evaluate(rule, event))
                .extracting(Finding::table, Finding::severity, Finding::object)
                .containsExactly(org.assertj.core.api.Assertions.tuple("orders", Severity.CRITICAL,
                                "public.orders_customer_idx"),
                        org.assertj.core.api.Assertions.tuple("customers", Severity.LOW, "public.customers_pkey"));
    }
}
