package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.alterOrders;
import static io.schemagov.rules.LockFixtures.empty;
import static io.schemagov.rules.LockFixtures.huge;
import static io.schemagov.rules.LockFixtures.indexCommand;
import static io.schemagov.rules.LockFixtures.indexed;
import static io.schemagov.rules.LockFixtures.large;
import static io.schemagov.rules.LockFixtures.partitioned;
import static io.schemagov.rules.LockFixtures.session;
import static io.schemagov.rules.LockFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LockWithoutLockTimeoutRuleTest {

    private final LockWithoutLockTimeoutRule rule = new LockWithoutLockTimeoutRule();

    /** The ALTER TABLE run with no lock_timeout. */
    private static SchemaChangeEvent noTimeout(String sql, TableSnapshot table) {
        return withLockTimeout(sql, table, 0L);
    }

    private static SchemaChangeEvent withLockTimeout(String sql, TableSnapshot table, Long lockTimeoutMs) {
        return session(alterOrders(sql, table), lockTimeoutMs, 0L, false);
    }

    static Stream<Arguments> strongLocksWithoutTimeout() {
        return Stream.of(
                fires("ADD COLUMN on a huge table", noTimeout("ALTER TABLE orders ADD COLUMN note text", huge()),
                        Severity.CRITICAL,
                        "ALTER TABLE ... ADD COLUMN note text requested an ACCESS EXCLUSIVE lock on public.orders "
                                + "(≈12M rows, 3.1 GB) with no lock_timeout",
                        "every later statement on the table needing a conflicting lock queued behind it "
                                + "(ACCESS EXCLUSIVE blocks reads and writes)"),
                fires("small table: still at least MEDIUM", noTimeout("ALTER TABLE orders RENAME COLUMN note TO "
                        + "remark", small()), Severity.MEDIUM, "ALTER TABLE ... RENAME COLUMN note TO remark requested",
                        "(≈850 rows, 64 kB)"),
                fires("foreign key: SHARE ROW EXCLUSIVE", noTimeout("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY "
                        + "(customer_id) REFERENCES customers NOT VALID", large()), Severity.HIGH,
                        "ADD CONSTRAINT fk requested a SHARE ROW EXCLUSIVE lock",
                        "(SHARE ROW EXCLUSIVE blocks writes)"),
                fires("disable trigger", noTimeout("ALTER TABLE orders DISABLE TRIGGER audit", large()),
                        Severity.HIGH, "DISABLE TRIGGER audit requested a SHARE ROW EXCLUSIVE lock"),
                fires("strongest action named", noTimeout("ALTER TABLE orders SET (fillfactor = 80), ALTER COLUMN "
                        + "email SET DEFAULT ''", large()), Severity.HIGH,
                        "ALTER COLUMN email SET DEFAULT requested an ACCESS EXCLUSIVE lock"),
                fires("partitioned table", noTimeout("ALTER TABLE orders DETACH PARTITION orders_2023",
                        partitioned()), Severity.MEDIUM, "public.orders and all its partitions"));
    }

    static Stream<Named<SchemaChangeEvent>> boundedOrWeak() {
        return Stream.of(
                silent("lock_timeout set", withLockTimeout("ALTER TABLE orders ADD COLUMN note text", huge(), 3000L)),
                silent("lock_timeout unknown", withLockTimeout("ALTER TABLE orders ADD COLUMN note text", huge(),
                        null)),
                silent("VALIDATE CONSTRAINT: SHARE UPDATE EXCLUSIVE", noTimeout("ALTER TABLE orders VALIDATE "
                        + "CONSTRAINT fk", huge())),
                silent("fillfactor: SHARE UPDATE EXCLUSIVE", noTimeout("ALTER TABLE orders SET (fillfactor = 80)",
                        huge())),
                silent("ATTACH PARTITION: SHARE UPDATE EXCLUSIVE on the parent", noTimeout("ALTER TABLE orders "
                        + "ATTACH PARTITION orders_2025 FOR VALUES IN (2025)", partitioned())),
                silent("empty table", noTimeout("ALTER TABLE orders ADD COLUMN note text", empty())),
                silent("plain CREATE INDEX: SHARE, left to index-without-concurrently", session(indexCommand(
                        "CREATE INDEX", "CREATE INDEX orders_customer_idx ON orders (customer_id)",
                        indexed(LockFixtures.HUGE_ROWS, LockFixtures.HUGE_BYTES)), 0L, 0L, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strongLocksWithoutTimeout")
    void flagsStrongLocksWithoutTimeout(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).object()).isEqualTo("public.orders");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundedOrWeak")
    void acceptsTimeoutsAndWeakLocks(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }
}
