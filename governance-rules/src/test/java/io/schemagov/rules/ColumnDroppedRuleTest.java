package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Events.ddl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ColumnDroppedRuleTest {

    private final ColumnDroppedRule rule = new ColumnDroppedRule();

    private static Events.Builder alter(String statement) {
        return ddl("ALTER TABLE", "public.orders", statement).objectType("table");
    }

    static Stream<Arguments> droppedColumns() {
        return Stream.of(
                fires("DROP COLUMN", alter("ALTER TABLE orders DROP COLUMN note")
                        .dropped("table column", "public.orders.note", true).build(), Severity.HIGH,
                        "ALTER TABLE dropped column note from public.orders",
                        "applications that still read or write it will fail with \"column does not exist\""),
                fires("column dropped along with something else", alter("ALTER TABLE orders DROP COLUMN note CASCADE")
                        .dropped("table column", "public.orders.note", false).build(), Severity.HIGH,
                        "dropped column note from public.orders"),
                fires("quoted names", ddl("ALTER TABLE", "sales.\"Orders\"",
                        "ALTER TABLE sales.\"Orders\" DROP \"Note\"")
                        .dropped("table column", "sales.\"Orders\".\"Note\"", true).build(), Severity.HIGH,
                        "dropped column Note from sales.Orders"),
                fires("MariaDB DROP COLUMN", MysqlFixtures.fromMariaDb(ddl("ALTER TABLE", "shop.orders",
                        "ALTER TABLE orders DROP COLUMN note").objectType("table")
                        .dropped("table column", "shop.orders.note", true).build()), Severity.HIGH,
                        "ALTER TABLE dropped column note from shop.orders"));
    }

    static Stream<Named<SchemaChangeEvent>> noDroppedColumns() {
        return Stream.of(
                silent("column added", alter("ALTER TABLE orders ADD note text").build()),
                silent("constraint dropped", alter("ALTER TABLE orders DROP CONSTRAINT orders_note_check")
                        .dropped("table constraint", "orders_note_check on public.orders", true).build()),
                silent("columns of a dropped table", ddl("DROP TABLE", "public.orders", "DROP TABLE orders")
                        .dropped("table", "public.orders", true).dropped("table column", "public.orders.note", false)
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("droppedColumns")
    void flagsDroppedColumn(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noDroppedColumns")
    void staysQuietWhenNoColumnOfALiveTableWasDropped(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void namesSchemaTableAndColumnOfEachDroppedColumn() {
        SchemaChangeEvent event = alter("ALTER TABLE orders DROP note, DROP legacy_code")
                .dropped("table column", "public.orders.note", true)
                .dropped("table column", "public.orders.legacy_code", true).build();

        assertThat(rule.evaluate(event, RuleSettings.defaults()))
                .extracting(Finding::schema, Finding::table, Finding::object)
                .containsExactly(
                        tuple("public", "orders", "public.orders.note"),
                        tuple("public", "orders", "public.orders.legacy_code"));
    }
}
