package io.schemagov.rules;

import static io.schemagov.rules.LockFixtures.huge;
import static io.schemagov.rules.LockFixtures.withColumn;
import static io.schemagov.rules.LockFixtures.withConstraint;
import static io.schemagov.rules.LockFixtures.withNotNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.schemagov.model.ConstraintType;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Placing an event among the ALTER TABLE statements of its text by what its snapshot already shows. */
class AlterEffectsTest {

    private static final String TEXT = "ALTER TABLE orders ADD COLUMN note text; "
            + "ALTER TABLE orders ALTER COLUMN email SET NOT NULL; "
            + "ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID; "
            + "ALTER TABLE orders VALIDATE CONSTRAINT c; "
            + "ALTER TABLE orders SET (fillfactor = 90)";

    private static TableSnapshot check(TableSnapshot table, boolean validated) {
        return withConstraint(table, "c", ConstraintType.CHECK, "CHECK ((total > (0)::numeric))", validated, "total");
    }

    static Stream<Arguments> snapshotsAfterEachStatement() {
        TableSnapshot afterFirst = withColumn(huge(), "note", "text", false);
        TableSnapshot afterSecond = withNotNull(afterFirst, "email", true);
        TableSnapshot afterThird = check(afterSecond, false);
        TableSnapshot afterFourth = check(afterSecond, true);
        return Stream.of(
                arguments("after ADD COLUMN", afterFirst, List.of(0)),
                arguments("after SET NOT NULL", afterSecond, List.of(1)),
                arguments("after ADD CONSTRAINT NOT VALID", afterThird, List.of(2)),
                // The last statement's effect is invisible: the event may be the VALIDATE's or the SET's.
                arguments("after VALIDATE or SET (fillfactor)", afterFourth, List.of(3, 4)),
                arguments("contradicting snapshot: all candidates", huge(), List.of(0, 1, 2, 3, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snapshotsAfterEachStatement")
    void placesTheEventByItsSnapshot(String name, TableSnapshot snapshot, List<Integer> positions) {
        List<AlterTableStatement> all = AlterTableParser.statements(TEXT);

        assertThat(AlterEffects.current(all, snapshot)).extracting(AlterTableStatement::position)
                .containsExactlyElementsOf(positions);
    }
}
