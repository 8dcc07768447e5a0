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

class SchemaRenamedRuleTest {

    private final SchemaRenamedRule rule = new SchemaRenamedRule();

    private static SchemaChangeEvent alterSchema(String identity, String statement) {
        return ddl("ALTER SCHEMA", identity, statement).objectType("schema").build();
    }

    static Stream<Arguments> renamedSchemas() {
        return Stream.of(
                fires("RENAME TO", alterSchema("billing", "ALTER SCHEMA sales RENAME TO billing"), Severity.HIGH,
                        "ALTER SCHEMA renamed schema sales to billing",
                        "every name qualified with sales and every search_path listing it now misses its objects"),
                fires("without an identity", alterSchema(null, "alter schema sales rename to billing"), Severity.HIGH,
                        "renamed schema sales to billing"),
                fires("only this command's rename of a query string", alterSchema("d",
                        "ALTER SCHEMA a RENAME TO b; ALTER SCHEMA c RENAME TO d"), Severity.HIGH,
                        "renamed schema c to d"));
    }

    static Stream<Named<SchemaChangeEvent>> otherChanges() {
        return Stream.of(
                silent("owner changed", alterSchema("sales", "ALTER SCHEMA sales OWNER TO finance")),
                silent("table renamed", ddl("ALTER TABLE", "public.b", "ALTER TABLE a RENAME TO b")
                        .objectType("table").build()),
                silent("no statement", alterSchema("billing", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renamedSchemas")
    void flagsRenamedSchema(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).table()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherChanges")
    void staysQuietWithoutASchemaRename(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }
}
