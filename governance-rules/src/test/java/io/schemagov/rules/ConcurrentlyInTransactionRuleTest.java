package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The statements PostgreSQL refuses in a transaction block; governance-lint's ConcurrentlyRefusedIT proves them. */
class ConcurrentlyInTransactionRuleTest {

    private final ConcurrentlyInTransactionRule rule = new ConcurrentlyInTransactionRule();

    static Stream<Arguments> refusedInTransaction() {
        return Stream.of(
                fires("CREATE INDEX CONCURRENTLY", inBlock("CREATE INDEX", "CREATE INDEX CONCURRENTLY "
                        + "orders_customer_idx ON orders (customer_id)"), Severity.HIGH,
                        "CREATE INDEX CONCURRENTLY orders_customer_idx is inside a transaction block", "25001"),
                fires("unique, IF NOT EXISTS, lower case", inBlock("CREATE INDEX", "create unique index concurrently "
                        + "if not exists orders_email_key on orders (email)"), Severity.HIGH,
                        "CREATE INDEX CONCURRENTLY orders_email_key"),
                fires("unnamed index", inBlock("CREATE INDEX", "CREATE INDEX CONCURRENTLY ON orders (total)"),
                        Severity.HIGH, "CREATE INDEX CONCURRENTLY is inside"),
                fires("DROP INDEX CONCURRENTLY", inBlock("DROP INDEX", "DROP INDEX CONCURRENTLY IF EXISTS "
                        + "public.orders_customer_idx"), Severity.HIGH,
                        "DROP INDEX CONCURRENTLY orders_customer_idx is inside"),
                fires("REINDEX INDEX CONCURRENTLY", inBlock("REINDEX", "REINDEX INDEX CONCURRENTLY "
                        + "orders_customer_idx"), Severity.HIGH, "REINDEX INDEX CONCURRENTLY orders_customer_idx"),
                fires("REINDEX TABLE CONCURRENTLY", inBlock("REINDEX", "REINDEX TABLE CONCURRENTLY orders"),
                        Severity.HIGH, "REINDEX TABLE CONCURRENTLY orders"),
                fires("REINDEX option list", inBlock("REINDEX", "REINDEX (VERBOSE, CONCURRENTLY) TABLE orders"),
                        Severity.HIGH, "REINDEX TABLE CONCURRENTLY orders"),
                fires("REINDEX option list, true", inBlock("REINDEX", "REINDEX (CONCURRENTLY true) INDEX "
                        + "orders_customer_idx"), Severity.HIGH, "REINDEX INDEX CONCURRENTLY"),
                fires("DETACH PARTITION CONCURRENTLY", inBlock("ALTER TABLE", "ALTER TABLE public.orders DETACH "
                        + "PARTITION orders_2023 CONCURRENTLY"), Severity.HIGH,
                        "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY public.orders is inside"),
                fires("after a comment", inBlock("CREATE INDEX", "-- the customer lookup\n/* nested /* comment */ */"
                        + "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)"), Severity.HIGH,
                        "CREATE INDEX CONCURRENTLY orders_customer_idx"));
    }

    static Stream<Named<SchemaChangeEvent>> allowed() {
        return Stream.of(
                silent("CREATE INDEX CONCURRENTLY outside a block", outside("CREATE INDEX",
                        "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)")),
                silent("plain CREATE INDEX in a block", inBlock("CREATE INDEX",
                        "CREATE INDEX orders_customer_idx ON orders (customer_id)")),
                silent("plain DROP INDEX in a block", inBlock("DROP INDEX", "DROP INDEX orders_customer_idx")),
                silent("plain REINDEX in a block", inBlock("REINDEX", "REINDEX TABLE orders")),
                silent("REINDEX (CONCURRENTLY false)", inBlock("REINDEX",
                        "REINDEX (CONCURRENTLY false) TABLE orders")),
                silent("DETACH PARTITION FINALIZE", inBlock("ALTER TABLE",
                        "ALTER TABLE orders DETACH PARTITION orders_2023 FINALIZE")),
                silent("REFRESH MATERIALIZED VIEW CONCURRENTLY", inBlock("REFRESH MATERIALIZED VIEW",
                        "REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals")),
                silent("the word in a comment", inBlock("CREATE INDEX",
                        "-- not CONCURRENTLY: the table is new\nCREATE INDEX orders_customer_idx ON orders (id)")),
                silent("the word in a string", inBlock("COMMENT",
                        "COMMENT ON TABLE orders IS 'CREATE INDEX CONCURRENTLY x ON y (z)'")),
                silent("in a function body", inBlock("CREATE FUNCTION", "CREATE FUNCTION f() RETURNS void "
                        + "LANGUAGE sql AS $$ DROP INDEX CONCURRENTLY orders_customer_idx $$")),
                silent("no statement text", inBlock("CREATE INDEX", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedInTransaction")
    void flagsConcurrentlyInsideATransactionBlock(SchemaChangeEvent event, Severity severity,
            List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowed")
    void acceptsWhatPostgresqlRunsInABlock(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void judgesPostgresqlOnly() {
        assertThat(RuleDialects.runsOn(ConcurrentlyInTransactionRule.ID, SourceKind.POSTGRESQL))
                .isTrue();
        assertThat(RuleDialects.runsOn(ConcurrentlyInTransactionRule.ID, SourceKind.MARIADB))
                .isFalse();
    }

    /** The event the migration lint makes: the statement alone, no snapshot. */
    private static SchemaChangeEvent inBlock(String commandTag, String sql) {
        return LockFixtures.inTransactionBlock(Events.ddl(commandTag, null, sql).build());
    }

    private static SchemaChangeEvent outside(String commandTag, String sql) {
        return Events.ddl(commandTag, null, sql).build();
    }
}
