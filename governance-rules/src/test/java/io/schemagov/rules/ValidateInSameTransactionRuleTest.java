package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.alterOrders;
import static io.schemagov.rules.LockFixtures.empty;
import static io.schemagov.rules.LockFixtures.huge;
import static io.schemagov.rules.LockFixtures.inTransactionBlock;
import static io.schemagov.rules.LockFixtures.medium;
import static io.schemagov.rules.LockFixtures.small;
import static io.schemagov.rules.LockFixtures.withConstraint;
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

class ValidateInSameTransactionRuleTest {

    private final ValidateInSameTransactionRule rule = new ValidateInSameTransactionRule();

    private static final String ADD_FK = "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY "
            + "(customer_id) REFERENCES customers (id) NOT VALID";
    private static final String VALIDATE_FK = "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk";

    private static TableSnapshot withFk(TableSnapshot table, boolean validated) {
        return withConstraint(table, "orders_customer_fk", ConstraintType.FOREIGN_KEY,
                "FOREIGN KEY (customer_id) REFERENCES customers(id)", validated, "customer_id");
    }

    private static TableSnapshot withCheck(TableSnapshot table, boolean validated) {
        return withConstraint(table, "orders_total_check", ConstraintType.CHECK, "CHECK ((total >= (0)::numeric))",
                validated, "total");
    }

    static Stream<Arguments> validationsUnderTheAddsLock() {
        return Stream.of(
                fires("ADD NOT VALID and VALIDATE in one statement string", alterOrders(ADD_FK + "; " + VALIDATE_FK,
                        withFk(huge(), true)), Severity.CRITICAL,
                        "ALTER TABLE ... VALIDATE CONSTRAINT orders_customer_fk ran in the same transaction as the "
                                + "ADD CONSTRAINT ... NOT VALID that created it",
                        "the SHARE ROW EXCLUSIVE lock the ADD took on public.orders (≈12M rows, 3.1 GB) was "
                                + "still held",
                        "writes were blocked as if NOT VALID had not been used"),
                fires("both in one ALTER TABLE", alterOrders("ALTER TABLE orders ADD CONSTRAINT orders_total_check "
                        + "CHECK (total >= 0) NOT VALID, VALIDATE CONSTRAINT orders_total_check",
                        withCheck(medium(), true)), Severity.MEDIUM,
                        "the ACCESS EXCLUSIVE lock the ADD took", "reads and writes were blocked"),
                fires("inside BEGIN ... COMMIT", alterOrders("BEGIN; " + ADD_FK + "; " + VALIDATE_FK + "; COMMIT;",
                        withFk(small(), true)), Severity.LOW, "(≈850 rows, 64 kB)"),
                fires("VALIDATE alone in a transaction block: possible", inTransactionBlock(alterOrders(VALIDATE_FK,
                        withFk(huge(), true))), Severity.LOW,
                        "ran inside a transaction block, after other statements, on public.orders (≈12M rows",
                        "If the ADD CONSTRAINT ... NOT VALID ran earlier in the same transaction, a SHARE ROW "
                                + "EXCLUSIVE lock (writes blocked) was held for the whole validation scan",
                        "this event alone cannot tell"),
                fires("possible, for a check", inTransactionBlock(alterOrders("ALTER TABLE orders VALIDATE "
                        + "CONSTRAINT orders_total_check", withCheck(huge(), true))), Severity.LOW,
                        "an ACCESS EXCLUSIVE lock (reads and writes blocked)"));
    }

    static Stream<Named<SchemaChangeEvent>> separateTransactions() {
        return Stream.of(
                silent("VALIDATE alone, outside a transaction block", alterOrders(VALIDATE_FK, withFk(huge(), true))),
                silent("COMMIT between the two", alterOrders(ADD_FK + "; COMMIT; " + VALIDATE_FK,
                        withFk(huge(), true))),
                silent("the event of the ADD, before the VALIDATE ran", alterOrders(ADD_FK + "; " + VALIDATE_FK,
                        withFk(huge(), false))),
                silent("ADD NOT VALID alone in a transaction block", inTransactionBlock(alterOrders(ADD_FK,
                        withFk(huge(), false)))),
                silent("a different constraint validated", alterOrders(ADD_FK + "; ALTER TABLE orders VALIDATE "
                        + "CONSTRAINT orders_total_check", withCheck(withFk(huge(), false), true))),
                silent("empty table", alterOrders(ADD_FK + "; " + VALIDATE_FK, withFk(empty(), true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validationsUnderTheAddsLock")
    void flagsValidationInTheAddsTransaction(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).object()).startsWith("public.orders_");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("separateTransactions")
    void acceptsValidationInItsOwnTransaction(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }
}
