package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Events.ddl;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotNullDroppedRuleTest {

    private final NotNullDroppedRule rule = new NotNullDroppedRule();

    private static TableSnapshot orders(boolean noteNotNull) {
        return table("public.orders").column("id", "bigint", true).column("note", "text", noteNotNull).build();
    }

    private static SchemaChangeEvent alter(String statement, TableSnapshot... tables) {
        return ddl("ALTER TABLE", "public.orders", statement).objectType("table").tables(tables).build();
    }

    static Stream<Arguments> droppedNotNulls() {
        return Stream.of(
                fires("ALTER COLUMN ... DROP NOT NULL", alter("ALTER TABLE orders ALTER COLUMN note DROP NOT NULL",
                        orders(false)), Severity.LOW, "ALTER TABLE dropped NOT NULL from public.orders.note",
                        "readers may now get NULLs where they always had a value"),
                fires("without COLUMN, qualified", ddl("ALTER TABLE", "sales.orders",
                        "ALTER TABLE sales.orders ALTER note DROP NOT NULL").objectType("table").build(), Severity.LOW,
                        "from sales.orders.note"),
                fires("among other actions", alter("ALTER TABLE orders ADD x int, ALTER COLUMN note DROP NOT NULL, "
                        + "ALTER COLUMN note SET DEFAULT ''", orders(false)), Severity.LOW, "public.orders.note"));
    }

    static Stream<Named<SchemaChangeEvent>> otherChanges() {
        return Stream.of(
                silent("SET NOT NULL", alter("ALTER TABLE orders ALTER COLUMN note SET NOT NULL", orders(true))),
                silent("DROP DEFAULT", alter("ALTER TABLE orders ALTER COLUMN note DROP DEFAULT", orders(true))),
                silent("set again later in the query string", alter("ALTER TABLE orders ALTER note DROP NOT NULL; "
                        + "ALTER TABLE orders ALTER note SET NOT NULL", orders(true))),
                silent("another table of the query string", alter("ALTER TABLE lines ALTER note DROP NOT NULL; "
                        + "ALTER TABLE orders ADD x int", orders(true))),
                silent("in a string literal", alter("COMMENT ON TABLE orders IS 'ALTER note DROP NOT NULL'",
                        orders(true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("droppedNotNulls")
    void flagsDroppedNotNull(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherChanges")
    void staysQuietWhenNoNotNullWasDropped(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }
}
