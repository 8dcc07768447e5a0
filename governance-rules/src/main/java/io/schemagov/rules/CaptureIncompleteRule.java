package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;

/** Reports events whose capture could not record everything, so that gaps in the analysis are visible. */
final class CaptureIncompleteRule implements ChangeRule {

    static final String ID = "capture-incomplete";

    private static final RuleInfo INFO = new RuleInfo(ID, "Change captured incompletely", Severity.INFO,
            RuleScope.CHANGE,
            "The capture in the monitored database could not record part of this change (for example a table's "
                    + "snapshot, because of missing privileges or a concurrent drop). Rules only see what was "
                    + "recorded, so problems in the missing part go unreported.",
            "Read the error: usually the capture's database role lacks a privilege on the object, or the "
                    + "object was dropped before it could be read. Fix the cause, review this change by hand, and "
                    + "expect the next baseline to re-read the tables' state.",
            "-- run while the capture role could not read public.orders\n"
                    + "ALTER TABLE orders ADD COLUMN note text;",
            "-- give the capture role what it needs to read the catalog and sizes\n"
                    + "GRANT SELECT ON orders TO schemagov;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** A baseline with gaps matters as much as a change with gaps. */
    @Override
    public boolean runsOnBaseline() {
        return true;
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (event.getCaptureError() == null) {
            return List.of();
        }
        String identity = event.getObjectIdentity() == null ? null : Names.normalized(event.getObjectIdentity());
        String table = EventTables.isTableType(event.getObjectType()) ? Names.unqualified(identity) : null;
        String subject = event.getCommandTag() + (identity == null ? "" : " " + identity);
        String message = "The capture could not record everything for " + subject + ": " + event.getCaptureError()
                + ". Rules may have missed problems in what was not recorded";
        return List.of(INFO.finding(event.getSchemaName(), table, identity, message));
    }
}
