package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterTableEvent.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Flags SET NOT NULL that had to scan a populated table because no validated CHECK proved the column. */
final class SetNotNullScansTableRule implements ChangeRule {

    static final String ID = "set-not-null-scans-table";

    private static final RuleInfo INFO = new RuleInfo(ID, "SET NOT NULL scanned the table", Severity.MEDIUM,
            RuleScope.CHANGE,
            "ALTER TABLE ... ALTER COLUMN ... SET NOT NULL takes an ACCESS EXCLUSIVE lock and then reads every row "
                    + "to prove the column holds no NULL: reads and writes wait for the whole scan. Since "
                    + "PostgreSQL 12 the scan is skipped when a validated CHECK constraint already proves it, such "
                    + "as CHECK (col IS NOT NULL). This rule looks for that constraint in the snapshot taken right "
                    + "after the command; conditions that imply it in other ways (col > 0) are not recognised. It "
                    + "cannot tell a column that was already NOT NULL, where the command does nothing. Severity "
                    + "grows with the table's size.",
            "Prove the column first, without blocking: ALTER TABLE t ADD CONSTRAINT t_col_not_null CHECK (col IS "
                    + "NOT NULL) NOT VALID; then, in a separate transaction, ALTER TABLE t VALIDATE CONSTRAINT "
                    + "t_col_not_null; (SHARE UPDATE EXCLUSIVE: reads and writes continue); then ALTER TABLE t "
                    + "ALTER COLUMN col SET NOT NULL; which now skips the scan; finally drop the CHECK constraint, "
                    + "in a later statement (dropped in the same ALTER TABLE it would not be used).",
            "ALTER TABLE orders ALTER COLUMN email SET NOT NULL;",
            "-- after ADD CONSTRAINT orders_email_not_null CHECK (email IS NOT NULL) NOT VALID and, in its own "
                    + "migration,\n"
                    + "-- VALIDATE CONSTRAINT orders_email_not_null: SET NOT NULL uses the validated check instead of "
                    + "a scan\n"
                    + "ALTER TABLE orders ALTER COLUMN email SET NOT NULL;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> commandTags() {
        return Set.of("ALTER TABLE");
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        List<Finding> findings = new ArrayList<>();
        AlterTableEvent.of(event).filter(alter -> alter.table().mayHoldRows()).ifPresent(alter -> {
            LockedTable table = alter.table();
            for (Action action : alter.actions()) {
                String column = action.subcommand().name();
                if (action.subcommand().is(AlterKind.SET_NOT_NULL) && column != null
                        && !NotNullProof.proves(table.snapshot(), column)) {
                    findings.add(finding(table, action, settings));
                }
            }
        });
        return findings;
    }

    private static Finding finding(LockedTable table, Action action, RuleSettings settings) {
        String column = action.subcommand().name();
        LockLevel lock = action.lock();
        String message = action.describe() + " took " + lock.withArticle() + " on " + table.describe()
                + " and scanned every row for NULLs in " + column + ": " + lock.blockedActivity()
                + " blocked for the whole scan (no validated CHECK (" + column
                + " IS NOT NULL) constraint let PostgreSQL skip it)";
        return table.finding(INFO, table.severity(settings), table.table() + "." + column, message);
    }
}
