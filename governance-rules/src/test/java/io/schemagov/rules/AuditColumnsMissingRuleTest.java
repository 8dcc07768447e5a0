package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditColumnsMissingRuleTest {

    private final AuditColumnsMissingRule rule = new AuditColumnsMissingRule();

    private static final String TIMESTAMPTZ = "timestamp with time zone";

    static Stream<Arguments> tablesWithoutAuditColumns() {
        return Stream.of(
                fires("neither", table("public.orders").column("id", "bigint", true).build(), Severity.LOW,
                        "public.orders lacks the audit columns created_at, updated_at",
                        "when its rows were created or changed is not recorded"),
                fires("no updated_at", table("public.orders").column("created_at", TIMESTAMPTZ).build(),
                        Severity.LOW, "lacks the audit column updated_at:"),
                fires("differently named", table("public.orders").column("created", TIMESTAMPTZ)
                        .column("modified", TIMESTAMPTZ).build(), Severity.LOW, "created_at, updated_at"));
    }

    static Stream<Named<TableSnapshot>> auditedTables() {
        return Stream.of(
                silent("both", table("public.orders").column("id", "bigint", true).column("created_at", TIMESTAMPTZ)
                        .column("updated_at", TIMESTAMPTZ).build()),
                silent("view", table("public.v").kind("view").column("id", "bigint").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tablesWithoutAuditColumns")
    void flagsMissingAuditColumns(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("auditedTables")
    void acceptsTablesWithAuditColumns(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void requiresTheConfiguredNames() {
        AuditColumnsMissingRule custom = new AuditColumnsMissingRule(List.of("inserted_at", "changed_by"));
        TableSnapshot table = table("public.orders").column("inserted_at", TIMESTAMPTZ).build();

        assertThat(custom.evaluate(table, RuleSettings.defaults())).get().extracting(Finding::message)
                .asString().contains("lacks the audit column changed_by").doesNotContain("created_at");
    }
}
