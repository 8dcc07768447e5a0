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

class TenantTableWithoutRlsRuleTest {

    private final TenantTableWithoutRlsRule rule = new TenantTableWithoutRlsRule();

    static Stream<Arguments> unprotectedTenantTables() {
        return Stream.of(
                fires("tenant_id", table("public.invoices").column("id", "bigint").column("tenant_id", "bigint")
                        .build(), Severity.MEDIUM, "public.invoices holds rows of several tenants (tenant_id) but "
                                + "row-level security is not enabled"),
                fires("organization_id", table("crm.contacts").column("organization_id", "uuid").build(),
                        Severity.MEDIUM, "crm.contacts holds rows of several tenants (organization_id)"),
                fires("org_id and account_id", table("public.usage").column("org_id", "bigint")
                        .column("account_id", "bigint").build(), Severity.MEDIUM, "(org_id, account_id)"));
    }

    static Stream<Named<TableSnapshot>> protectedOrSharedTables() {
        return Stream.of(
                silent("row-level security on", TableExtras.of(table("public.invoices").column("tenant_id", "bigint"))
                        .rowSecurity().build()),
                silent("no tenant key", table("public.countries").column("code", "text").build()),
                silent("tenant key only inside a name", table("public.tenants").column("id", "bigint")
                        .column("parent_tenant_id_hint", "text").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unprotectedTenantTables")
    void flagsTenantTableWithoutRowSecurity(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedOrSharedTables")
    void acceptsProtectedOrSharedTables(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void usesTheConfiguredTenantKeys() {
        TenantTableWithoutRlsRule custom = new TenantTableWithoutRlsRule(List.of("workspace_id"));

        assertThat(custom.evaluate(table("public.docs").column("workspace_id", "bigint").build(),
                RuleSettings.defaults())).isPresent();
        assertThat(custom.evaluate(table("public.docs").column("tenant_id", "bigint").build(),
                RuleSettings.defaults())).isEmpty();
    }
}
