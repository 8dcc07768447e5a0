package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UniqueOverNullableColumnsRuleTest {

    private final UniqueOverNullableColumnsRule rule = new UniqueOverNullableColumnsRule();

    private static Tables.Builder accounts() {
        return table("public.accounts").column("id", "bigint", true).column("tenant_id", "bigint", true)
                .column("external_ref", "text").column("email", "text").primaryKey("id");
    }

    static Stream<Arguments> nullableUniques() {
        return Stream.of(
                fires("unique constraint", TableExtras.of(accounts())
                        .unique("accounts_tenant_ref_key", false, "tenant_id", "external_ref").build(), Severity.LOW,
                        "public.accounts has unique keys over nullable columns, which accept any number of rows "
                                + "with NULL there: accounts_tenant_ref_key (external_ref nullable)"),
                fires("unique index", TableExtras.of(accounts())
                        .index("accounts_email_idx", true, "(email)", null, "email").build(), Severity.LOW,
                        "accounts_email_idx (email nullable)"),
                fires("partial index on another condition", TableExtras.of(accounts())
                        .index("accounts_email_live", true, "(email)", "(id > 0)", "email").build(), Severity.LOW,
                        "accounts_email_live (email nullable)"));
    }

    static Stream<Named<TableSnapshot>> nullSafeUniques() {
        return Stream.of(
                silent("NOT NULL columns", TableExtras.of(accounts()).unique("accounts_tenant_key", false,
                        "tenant_id", "id").build()),
                silent("NULLS NOT DISTINCT", TableExtras.of(accounts())
                        .unique("accounts_tenant_ref_key", true, "tenant_id", "external_ref").build()),
                silent("partial index excluding NULL", TableExtras.of(accounts())
                        .index("accounts_email_key", true, "(email)", "(email IS NOT NULL)", "email").build()),
                silent("expression index", TableExtras.of(accounts())
                        .index("accounts_lower_email_key", true, "(lower(email))", null, "lower(email)").build()),
                silent("primary key only", accounts().build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullableUniques")
    void flagsUniqueOverNullableColumns(TableSnapshot table, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(table, RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, rule.info(), severity, fragments);
        assertThat(finding.message()).doesNotContain("tenant_id nullable");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullSafeUniques")
    void acceptsNullSafeUniques(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
