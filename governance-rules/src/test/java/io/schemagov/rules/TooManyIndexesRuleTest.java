package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TooManyIndexesRuleTest {

    private final TooManyIndexesRule rule = new TooManyIndexesRule();

    private static TableSnapshot withIndexes(int count) {
        Tables.Builder table = table("public.orders").column("id", "bigint", true);
        for (int i = 1; i <= count; i++) {
            table.index("orders_idx" + i, "c" + i);
        }
        return table.build();
    }

    static Stream<Arguments> crowdedTables() {
        return Stream.of(
                fires("eleven indexes", withIndexes(11), Severity.LOW,
                        "public.orders has 11 indexes (more than 10)", "orders_idx1, orders_idx2",
                        "orders_idx10 and 1 more"),
                fires("many more", withIndexes(25), Severity.LOW, "has 25 indexes", "and 15 more"));
    }

    static Stream<Named<TableSnapshot>> leanTables() {
        return Stream.of(
                silent("ten indexes", withIndexes(10)),
                silent("none", withIndexes(0)),
                silent("view", TableSnapshot.newBuilder(withIndexes(12)).setKind("view").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crowdedTables")
    void flagsTablesWithManyIndexes(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leanTables")
    void acceptsTablesUpToTheLimit(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void takesItsLimitFromTheConstructor() {
        TooManyIndexesRule strict = new TooManyIndexesRule(3);

        assertThat(strict.evaluate(withIndexes(4), RuleSettings.defaults())).isPresent();
        assertThat(strict.evaluate(withIndexes(3), RuleSettings.defaults())).isEmpty();
        assertThatThrownBy(() -> new TooManyIndexesRule(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
