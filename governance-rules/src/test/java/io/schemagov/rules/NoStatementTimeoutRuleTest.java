package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.HUGE_BYTES;
import static io.schemagov.rules.LockFixtures.HUGE_ROWS;
import static io.schemagov.rules.LockFixtures.alter;
import static io.schemagov.rules.LockFixtures.empty;
import static io.schemagov.rules.LockFixtures.huge;
import static io.schemagov.rules.LockFixtures.indexCommand;
import static io.schemagov.rules.LockFixtures.indexed;
import static io.schemagov.rules.LockFixtures.medium;
import static io.schemagov.rules.LockFixtures.session;
import static io.schemagov.rules.LockFixtures.small;
import static io.schemagov.rules.LockFixtures.withConstraint;
import static io.schemagov.rules.LockFixtures.withNotNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.ConstraintType;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoStatementTimeoutRuleTest {

    private final NoStatementTimeoutRule rule = new NoStatementTimeoutRule();

    private static SchemaChangeEvent unbounded(SchemaChangeEvent event) {
        return session(event, 0L, 0L, false);
    }

    private static SchemaChangeEvent unbounded(String sql, TableSnapshot table) {
        return unbounded(alter(sql, table).build());
    }

    static Stream<Arguments> unboundedBlockingWork() {
        return Stream.of(
                fires("validating CHECK on a huge table", unbounded("ALTER TABLE orders ADD CONSTRAINT "
                        + "orders_total_check CHECK (total >= 0)", huge()), Severity.MEDIUM,
                        "ALTER TABLE ... ADD CONSTRAINT orders_total_check scanned public.orders (≈12M rows, 3.1 GB) "
                                + "under an ACCESS EXCLUSIVE lock with no statement_timeout: nothing bounded how "
                                + "long reads and writes stayed blocked"),
                fires("recorded type-change rewrite", unbounded(alter("ALTER TABLE orders ALTER COLUMN customer_id "
                        + "TYPE bigint", huge()).rewrite("public.orders", "column type or storage change").build()),
                        Severity.MEDIUM, "ALTER COLUMN customer_id TYPE bigint rewrote public.orders"),
                fires("SET NOT NULL on a medium table: LOW", unbounded("ALTER TABLE orders ALTER COLUMN email SET "
                        + "NOT NULL", withNotNull(medium(), "email", true)), Severity.LOW, "SET NOT NULL scanned"),
                fires("foreign key validation: writes blocked", unbounded("ALTER TABLE orders ADD FOREIGN KEY "
                        + "(customer_id) REFERENCES customers", small()), Severity.LOW,
                        "under a SHARE ROW EXCLUSIVE lock", "how long writes stayed blocked"),
                fires("plain CREATE INDEX", unbounded(indexCommand("CREATE INDEX", "CREATE INDEX orders_customer_idx "
                        + "ON orders (customer_id)", indexed(HUGE_ROWS, HUGE_BYTES))), Severity.MEDIUM,
                        "CREATE INDEX orders_customer_idx scanned public.orders", "under a SHARE lock"),
                fires("plain REINDEX", unbounded(indexCommand("REINDEX", "REINDEX INDEX orders_customer_idx",
                        indexed(HUGE_ROWS, HUGE_BYTES))), Severity.MEDIUM, "REINDEX scanned public.orders"));
    }

    static Stream<Named<SchemaChangeEvent>> boundedOrNonBlocking() {
        String check = "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0)";
        return Stream.of(
                silent("statement_timeout set", session(alter(check, huge()).build(), 0L, 300_000L, false)),
                silent("statement_timeout unknown", session(alter(check, huge()).build(), 0L, null, false)),
                silent("CREATE INDEX CONCURRENTLY does not block writes", unbounded(indexCommand("CREATE INDEX",
                        "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)",
                        indexed(HUGE_ROWS, HUGE_BYTES)))),
                silent("REINDEX CONCURRENTLY", unbounded(indexCommand("REINDEX", "REINDEX (VERBOSE) INDEX "
                        + "CONCURRENTLY orders_customer_idx", indexed(HUGE_ROWS, HUGE_BYTES)))),
                silent("VALIDATE CONSTRAINT does not block writes", unbounded("ALTER TABLE orders VALIDATE "
                        + "CONSTRAINT orders_total_check", huge())),
                silent("NOT VALID: no scan", unbounded(check + " NOT VALID", huge())),
                silent("type change without a recorded rewrite", unbounded("ALTER TABLE orders ALTER COLUMN email "
                        + "TYPE text", huge())),
                silent("SET NOT NULL proved by a CHECK", unbounded("ALTER TABLE orders ALTER COLUMN email SET NOT "
                        + "NULL", withConstraint(huge(), "c", ConstraintType.CHECK, "CHECK ((email IS NOT NULL))",
                                true, "email"))),
                silent("instant ADD COLUMN", unbounded("ALTER TABLE orders ADD COLUMN note text", huge())),
                silent("empty table", unbounded(check, empty())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unboundedBlockingWork")
    void flagsUnboundedBlockingWork(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundedOrNonBlocking")
    void acceptsBoundedOrNonBlockingWork(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }
}
