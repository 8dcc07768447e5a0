package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.EventExtras.inSchema;
import static io.schemagov.rules.EventExtras.schema;
import static io.schemagov.rules.EventExtras.withDropped;
import static io.schemagov.rules.Events.ddl;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaDroppedRuleTest {

    private final SchemaDroppedRule rule = new SchemaDroppedRule();

    private static SchemaChangeEvent dropSchema(DroppedObject... dropped) {
        return withDropped(ddl("DROP SCHEMA", "sales", "DROP SCHEMA sales CASCADE").objectType("schema").build(),
                dropped);
    }

    private static SchemaChangeEvent manyTables() {
        List<DroppedObject> dropped = new ArrayList<>(List.of(schema("sales", true)));
        for (int i = 1; i <= 12; i++) {
            dropped.add(inSchema("table", "sales", "t" + i, false));
        }
        return dropSchema(dropped.toArray(DroppedObject[]::new));
    }

    static Stream<Arguments> droppedSchemas() {
        return Stream.of(
                fires("tables went with it", dropSchema(schema("sales", true),
                        inSchema("table", "sales", "orders", false), inSchema("type", "sales", "orders", false),
                        inSchema("index", "sales", "orders_pkey", false)), Severity.CRITICAL,
                        "DROP SCHEMA dropped schema sales and with it 1 table (sales.orders) with all of their data",
                        "clients that still name the schema or have it in their search_path will fail"),
                fires("views and functions only", dropSchema(schema("sales", true),
                        inSchema("view", "sales", "totals", false), inSchema("function", "sales", "f()", false)),
                        Severity.HIGH, "1 view (sales.totals)", "1 other object"),
                fires("empty schema", dropSchema(schema("sales", true)), Severity.LOW,
                        "dropped schema sales, which held no tables or views"),
                fires("long lists cut short", manyTables(), Severity.CRITICAL, "12 tables (sales.t1, sales.t2",
                        "sales.t10 and 2 more)"));
    }

    static Stream<Named<SchemaChangeEvent>> noDroppedSchemas() {
        return Stream.of(
                silent("table dropped", ddl("DROP TABLE", null, "DROP TABLE sales.orders")
                        .dropped("table", "sales.orders", true).build()),
                silent("schema went along with an extension", withDropped(ddl("DROP EXTENSION", null,
                        "DROP EXTENSION postgis").build(), schema("tiger", false))),
                silent("schema created", ddl("CREATE SCHEMA", "sales", "CREATE SCHEMA sales").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("droppedSchemas")
    void flagsDroppedSchema(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noDroppedSchemas")
    void staysQuietWhenNoSchemaWasNamedInADrop(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void reportsAgainstTheSchemaNotATable() {
        Finding finding = rule.evaluate(dropSchema(schema("sales", true)), RuleSettings.defaults()).get(0);

        assertThat(finding.schema()).isEqualTo("sales");
        assertThat(finding.table()).isNull();
        assertThat(finding.object()).isEqualTo("sales");
    }

    @Test
    void countsNeitherRowTypesNorIndexesAsContents() {
        Finding finding = rule.evaluate(dropSchema(schema("sales", true), inSchema("table", "sales", "orders", false),
                inSchema("type", "sales", "orders", false)), RuleSettings.defaults()).get(0);

        assertThat(finding.message()).doesNotContain("other object");
    }
}
