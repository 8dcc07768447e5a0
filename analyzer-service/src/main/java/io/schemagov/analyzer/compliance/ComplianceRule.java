package io.schemagov.analyzer.compliance;

import io.schemagov.rules.Severity;

/** The compliance rules: their ids, titles, default severities and remediation, as shown with their findings. */
public enum ComplianceRule {

    BULK_DELETE("bulk-delete", "Bulk delete in one transaction", Severity.HIGH,
            "Check that the delete was intended and authorised; large deletes belong in a reviewed, batched job with "
                    + "a backup, or should be soft deletes."),
    BULK_UPDATE("bulk-update", "Bulk update in one transaction", Severity.MEDIUM,
            "Check that the update was intended and authorised; large updates belong in a reviewed, batched job."),
    SENSITIVE_CHANGE_OUTSIDE_WINDOW("sensitive-change-outside-window", "Sensitive table changed outside a change window",
            Severity.MEDIUM, "Confirm who changed the data and why; route such changes through the change process, "
                    + "or widen the configured change windows if this time is legitimate."),
    HARD_DELETE_IN_SOFT_DELETE_TABLE("hard-delete-in-soft-delete-table", "Hard delete in a soft-delete table",
            Severity.LOW, "Mark rows deleted (set the soft-delete column) instead of deleting them, so history and "
                    + "references survive; if rows must go, purge them in a documented retention job."),
    APPEND_ONLY_TABLE_MODIFIED("append-only-table-modified", "Audit or history table modified", Severity.HIGH,
            "Audit and history tables are append-only: find out who changed or removed records and why, restore "
                    + "them from a backup, and revoke UPDATE/DELETE/TRUNCATE on the table from application roles."),
    UNATTRIBUTED_CHANGE("unattributed-change", "Data change without an attributable actor", Severity.MEDIUM,
            "Have the application declare who acts in every transaction on this table (SET LOCAL schemagov.actor = "
                    + "'<user>'), and enable actor attribution for the source (sources[n].actor-attribution=true)."),
    DDL_ROLE_NOT_ALLOWED("ddl-role-not-allowed", "DDL by a role not allowed to run it", Severity.HIGH,
            "Run schema changes through the migration role(s) in schemagov.analyzer.compliance.ddl-roles; revoke "
                    + "CREATE and ownership from other roles."),
    DDL_OUTSIDE_WINDOW("ddl-outside-window", "DDL outside a change window", Severity.MEDIUM,
            "Schedule schema changes inside a change window, or widen the windows if this time is legitimate.");

    private final String id;
    private final String title;
    private final Severity severity;
    private final String remediation;

    ComplianceRule(String id, String title, Severity severity, String remediation) {
        this.id = id;
        this.title = title;
        this.severity = severity;
        this.remediation = remediation;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }

    public String remediation() {
        return remediation;
    }
}
