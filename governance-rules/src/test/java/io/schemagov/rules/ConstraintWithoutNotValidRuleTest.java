package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.alterOrders;
import static io.schemagov.rules.LockFixtures.empty;
import static io.schemagov.rules.LockFixtures.huge;
import static io.schemagov.rules.LockFixtures.medium;
import static io.schemagov.rules.LockFixtures.partitioned;
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

class ConstraintWithoutNotValidRuleTest {

    private final ConstraintWithoutNotValidRule rule = new ConstraintWithoutNotValidRule();

    private static final String FK = "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) "
            + "REFERENCES customers (id)";
    private static final String CHECK = "ALTER TABLE public.orders ADD CONSTRAINT orders_total_check "
            + "CHECK (total >= 0)";

    private static TableSnapshot withCheck(TableSnapshot table, String name) {
        return withConstraint(table, name, ConstraintType.CHECK, "CHECK ((total >= (0)::numeric))", true, "total");
    }

    static Stream<Arguments> validatingAdds() {
        return Stream.of(
                fires("foreign key on a huge table", alterOrders(FK, huge()), Severity.CRITICAL,
                        "ALTER TABLE ... ADD CONSTRAINT orders_customer_fk took a SHARE ROW EXCLUSIVE lock on "
                                + "public.orders (≈12M rows, 3.1 GB)",
                        "and a SHARE ROW EXCLUSIVE lock on the referenced table customers",
                        "scanned every row to validate the FOREIGN KEY: writes blocked for the whole validation"),
                fires("check on a medium table", alterOrders(CHECK, medium()), Severity.MEDIUM,
                        "ADD CONSTRAINT orders_total_check took an ACCESS EXCLUSIVE lock on public.orders "
                                + "(≈250k rows",
                        "validate the CHECK: reads and writes blocked for the whole validation"),
                fires("unnamed foreign key on a small table", alterOrders("alter table orders add foreign key "
                        + "(customer_id) references sales.customers", small()), Severity.LOW,
                        "ALTER TABLE ... ADD FOREIGN KEY (customer_id) took a SHARE ROW EXCLUSIVE lock",
                        "(≈850 rows, 64 kB)", "referenced table sales.customers"),
                fires("foreign key next to an ADD COLUMN: the statement holds ACCESS EXCLUSIVE", alterOrders(
                        "ALTER TABLE orders ADD COLUMN note text, ADD CONSTRAINT orders_customer_fk FOREIGN KEY "
                                + "(customer_id) REFERENCES customers", huge()), Severity.CRITICAL,
                        "took an ACCESS EXCLUSIVE lock on public.orders", "reads and writes blocked"),
                fires("NOT VALID only in a comment", alterOrders(CHECK + " -- NOT VALID next time", small()),
                        Severity.LOW, "orders_total_check"),
                fires("partitioned table", alterOrders(FK, partitioned()), Severity.MEDIUM,
                        "public.orders and all its partitions (partition sizes not captured)"),
                fires("never analysed, 2 GB on disk", alterOrders(CHECK, LockFixtures.orders(-1, 2 * Tables.GB)),
                        Severity.CRITICAL, "(rows unknown, 2 GB)"),
                fires("the first of two statements, judged by the event that ran it", alterOrders(CHECK
                        + "; ALTER TABLE orders ADD CONSTRAINT orders_email_check CHECK (email <> '') NOT VALID",
                        withCheck(small(), "orders_total_check")), Severity.LOW, "orders_total_check"));
    }

    static Stream<Named<SchemaChangeEvent>> harmlessAdds() {
        return Stream.of(
                silent("foreign key NOT VALID", alterOrders(FK + " NOT VALID", huge())),
                silent("check NOT VALID, lower case", alterOrders("alter table orders add constraint c check "
                        + "(total >= 0) not valid", huge())),
                silent("empty table", alterOrders(FK, empty())),
                silent("unique constraint: another rule", alterOrders("ALTER TABLE orders ADD UNIQUE (email)", huge())),
                silent("validation of an existing constraint", alterOrders("ALTER TABLE orders VALIDATE CONSTRAINT "
                        + "orders_customer_fk", huge())),
                silent("another table altered in the text", alterOrders("ALTER TABLE customers ADD CONSTRAINT c "
                        + "CHECK (id > 0)", huge())),
                silent("statement text not captured", alterOrders(null, huge())),
                silent("inside a DO block: the text is a literal", alterOrders("DO $$ BEGIN " + FK + "; END $$",
                        huge())),
                silent("the second statement's event does not judge the first again", alterOrders(CHECK
                        + "; ALTER TABLE orders ADD CONSTRAINT orders_email_check CHECK (email <> '') NOT VALID",
                        withCheck(withCheck(huge(), "orders_total_check"), "orders_email_check"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validatingAdds")
    void flagsValidatingAdds(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).table()).isEqualTo("orders");
        assertThat(findings.get(0).schema()).isEqualTo("public");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("harmlessAdds")
    void acceptsNotValidAndOtherChanges(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }
}
