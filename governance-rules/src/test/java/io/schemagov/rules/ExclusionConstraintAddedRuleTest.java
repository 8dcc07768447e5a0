package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.alterOrders;
import static io.schemagov.rules.LockFixtures.empty;
import static io.schemagov.rules.LockFixtures.huge;
import static io.schemagov.rules.LockFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExclusionConstraintAddedRuleTest {

    private final ExclusionConstraintAddedRule rule = new ExclusionConstraintAddedRule();

    private static final String EXCLUDE = "ALTER TABLE orders ADD CONSTRAINT orders_no_overlap EXCLUDE USING gist "
            + "(customer_id WITH =, period WITH &&)";

    static Stream<Arguments> exclusionsOnPopulatedTables() {
        return Stream.of(
                fires("huge table", alterOrders(EXCLUDE, huge()), Severity.CRITICAL,
                        "ALTER TABLE ... ADD CONSTRAINT orders_no_overlap took an ACCESS EXCLUSIVE lock on "
                                + "public.orders (≈12M rows, 3.1 GB)",
                        "checking every row against the others: reads and writes blocked for the whole build"),
                fires("unnamed, with a predicate", alterOrders("ALTER TABLE orders ADD EXCLUDE USING gist (period "
                        + "WITH &&) WHERE (active)", small()), Severity.LOW, "ALTER TABLE ... ADD EXCLUDE took"));
    }

    static Stream<Named<SchemaChangeEvent>> harmless() {
        return Stream.of(
                silent("empty table", alterOrders(EXCLUDE, empty())),
                silent("dropping it", alterOrders("ALTER TABLE orders DROP CONSTRAINT orders_no_overlap", huge())),
                silent("a unique constraint", alterOrders("ALTER TABLE orders ADD UNIQUE (email)", huge())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exclusionsOnPopulatedTables")
    void flagsExclusionConstraints(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("harmless")
    void ignoresOtherChanges(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }
}
