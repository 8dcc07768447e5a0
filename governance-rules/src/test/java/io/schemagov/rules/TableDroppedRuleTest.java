package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Events.ddl;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TableDroppedRuleTest {

    private final TableDroppedRule rule = new TableDroppedRule();

    static Stream<Arguments> droppedTables() {
        return Stream.of(
                fires("DROP TABLE", ddl("DROP TABLE", null, "DROP TABLE orders")
                        .dropped("table", "public.orders", true).dropped("index", "public.orders_pkey", false)
                        .dropped("type", "public.orders", false).build(), Severity.HIGH,
                        "DROP TABLE dropped public.orders with all of its data",
                        "applications that still query it will fail with \"relation does not exist\""),
                fires("partitioned table", ddl("DROP TABLE", null, "DROP TABLE metrics")
                        .dropped("partitioned table", "public.metrics", true)
                        .dropped("table", "public.metrics_2024", false).build(), Severity.HIGH,
                        "dropped public.metrics with all of its data"));
    }

    static Stream<Named<SchemaChangeEvent>> noDroppedTables() {
        return Stream.of(
                silent("index dropped", ddl("DROP INDEX", null, "DROP INDEX orders_note_idx")
                        .dropped("index", "public.orders_note_idx", true).build()),
                silent("view dropped", ddl("DROP VIEW", null, "DROP VIEW order_totals")
                        .dropped("view", "public.order_totals", true).build()),
                silent("column dropped", ddl("ALTER TABLE", "public.orders", "ALTER TABLE orders DROP note")
                        .dropped("table column", "public.orders.note", true).build()),
                silent("table created", ddl("CREATE TABLE", "public.orders", "CREATE TABLE orders (id bigint)")
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("droppedTables")
    void flagsDroppedTable(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1); // tables that went with it (partitions) are not reported again
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).schema()).isEqualTo("public");
        assertThat(findings.get(0).object()).isEqualTo("public." + findings.get(0).table());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noDroppedTables")
    void staysQuietWhenNoTableWasDropped(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }
}
