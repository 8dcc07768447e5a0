package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.alterOrders;
import static io.schemagov.rules.LockFixtures.empty;
import static io.schemagov.rules.LockFixtures.huge;
import static io.schemagov.rules.LockFixtures.large;
import static io.schemagov.rules.LockFixtures.partitioned;
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

class SetNotNullScansTableRuleTest {

    private final SetNotNullScansTableRule rule = new SetNotNullScansTableRule();

    private static final String SET_NOT_NULL = "ALTER TABLE orders ALTER COLUMN email SET NOT NULL";

    /** The table right after SET NOT NULL on email, with an extra CHECK constraint. */
    private static TableSnapshot after(TableSnapshot table, String checkDefinition, boolean validated) {
        TableSnapshot notNull = withNotNull(table, "email", true);
        return checkDefinition == null ? notNull
                : withConstraint(notNull, "orders_email_not_null", ConstraintType.CHECK, checkDefinition, validated,
                        "email");
    }

    static Stream<Arguments> scanningSetNotNull() {
        return Stream.of(
                fires("no CHECK at all", alterOrders(SET_NOT_NULL, after(huge(), null, false)), Severity.CRITICAL,
                        "ALTER TABLE ... ALTER COLUMN email SET NOT NULL took an ACCESS EXCLUSIVE lock on "
                                + "public.orders (≈12M rows, 3.1 GB) and scanned every row for NULLs in email",
                        "reads and writes blocked for the whole scan",
                        "no validated CHECK (email IS NOT NULL) constraint"),
                fires("the CHECK is still NOT VALID", alterOrders(SET_NOT_NULL,
                        after(large(), "CHECK ((email IS NOT NULL)) NOT VALID", false)), Severity.HIGH, "≈2.5M rows"),
                fires("a CHECK on another column", alterOrders(SET_NOT_NULL,
                        after(large(), "CHECK ((total IS NOT NULL))", true)), Severity.HIGH, "email"),
                fires("a CHECK that allows NULL", alterOrders(SET_NOT_NULL,
                        after(large(), "CHECK (((email IS NOT NULL) OR (total > (0)::numeric)))", true)),
                        Severity.HIGH, "email"),
                fires("short form, among other actions", alterOrders("alter table orders add note text, alter "
                        + "email set not null", after(large(), null, false)), Severity.HIGH, "SET NOT NULL"),
                fires("partitioned table", alterOrders(SET_NOT_NULL, after(partitioned(), null, false)),
                        Severity.MEDIUM, "and all its partitions"));
    }

    static Stream<Named<SchemaChangeEvent>> provenOrHarmless() {
        return Stream.of(
                silent("validated CHECK (email IS NOT NULL)", alterOrders(SET_NOT_NULL,
                        after(huge(), "CHECK ((email IS NOT NULL))", true))),
                silent("validated CHECK with the test AND-ed", alterOrders(SET_NOT_NULL,
                        after(huge(), "CHECK (((total > (0)::numeric) AND (email IS NOT NULL)))", true))),
                silent("quoted column", alterOrders("ALTER TABLE orders ALTER COLUMN \"Email\" SET NOT NULL",
                        withConstraint(LockFixtures.withColumn(huge(), "Email", "text", true), "c",
                                ConstraintType.CHECK, "CHECK ((\"Email\" IS NOT NULL))", true, "Email"))),
                silent("empty table", alterOrders(SET_NOT_NULL, after(empty(), null, false))),
                silent("DROP NOT NULL", alterOrders("ALTER TABLE orders ALTER COLUMN email DROP NOT NULL", huge())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scanningSetNotNull")
    void flagsScanningSetNotNull(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).object()).isEqualTo("public.orders.email");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("provenOrHarmless")
    void acceptsProvenColumns(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }
}
