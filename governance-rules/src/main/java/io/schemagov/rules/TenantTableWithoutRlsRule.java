package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Flags tables keyed by tenant (tenant_id, organization_id, ...) on which row-level security is not enabled. */
final class TenantTableWithoutRlsRule implements TableRule {

    static final String ID = "tenant-table-without-rls";
    static final List<String> DEFAULT_TENANT_COLUMNS = List.of("tenant_id", "organization_id", "org_id",
            "account_id");

    private static final RuleInfo INFO = new RuleInfo(ID, "Tenant table without row-level security",
            Severity.MEDIUM, RuleScope.TABLE_STATE,
            "In a table shared by tenants, isolation then rests on every query remembering its tenant filter: one "
                    + "missing WHERE tenant_id = ... in a report, a support script or a new endpoint shows or "
                    + "changes other tenants' rows. Row-level security makes the database add the filter to every "
                    + "query of non-owner roles.",
            "Enable it with a policy keyed on the session's tenant: ALTER TABLE t ENABLE ROW LEVEL SECURITY; "
                    + "CREATE POLICY tenant_isolation ON t USING (tenant_id = current_setting('app.tenant_id')::"
                    + "bigint); and have the application SET LOCAL app.tenant_id in each transaction. The table's "
                    + "owner bypasses policies unless ALTER TABLE t FORCE ROW LEVEL SECURITY; is also set, and "
                    + "superusers and BYPASSRLS roles always do, so the application must connect as neither. With "
                    + "RLS on and no policy, other roles see no rows. Configure the tenant key names if yours "
                    + "differ.",
            "CREATE TABLE invoices (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);",
            "CREATE TABLE invoices (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);\n"
                    + "ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;\n"
                    + "CREATE POLICY tenant_isolation ON invoices USING (tenant_id = "
                    + "current_setting('app.tenant_id')::bigint);");

    private final Set<String> tenantColumns;

    TenantTableWithoutRlsRule() {
        this(DEFAULT_TENANT_COLUMNS);
    }

    /** @param tenantColumns the column names that mark a table as holding rows of several tenants */
    TenantTableWithoutRlsRule(List<String> tenantColumns) {
        if (tenantColumns.isEmpty()) {
            throw new IllegalArgumentException("no tenant key columns given");
        }
        this.tenantColumns = WordSet.copyOf(tenantColumns);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable() || table.getRowSecurity()) {
            return Optional.empty();
        }
        List<String> keys = new ArrayList<>();
        for (ColumnSnapshot column : table.getColumns()) {
            if (tenantColumns.contains(column.getName())) {
                keys.add(column.getName());
            }
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        String message = name + " holds rows of several tenants (" + String.join(", ", keys)
                + ") but row-level security is not enabled: isolation depends on every query's WHERE clause";
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }
}
