package io.schemagov.rules;

import io.schemagov.model.MaintenanceRun;
import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.Set;

/** Flags VACUUM FULL and CLUSTER runs, which rewrite a table and all of its indexes under an ACCESS EXCLUSIVE lock. */
final class VacuumFullOrClusterRule implements ChangeRule {

    static final String ID = "vacuum-full-or-cluster";

    private static final RuleInfo INFO = new RuleInfo(ID, "VACUUM FULL or CLUSTER rewrites the table", Severity.HIGH,
            RuleScope.CHANGE,
            "VACUUM FULL and CLUSTER copy the whole table into a new file and rebuild every index while holding an "
                    + "ACCESS EXCLUSIVE lock: every read and write of the table waits until the end, and so does "
                    + "everything queued behind them. They need disk space for a second copy of the table and its "
                    + "indexes. Seen from the server's progress view while they run (no trigger fires for them). "
                    + "Severity grows with the table's size.",
            "To give space back without blocking, rebuild online with pg_repack (or pg_squeeze), which holds the "
                    + "exclusive lock only for a moment at the start and the end. To make dead space reusable, a "
                    + "plain VACUUM (which blocks neither reads nor writes) is enough, and tuning autovacuum for "
                    + "the table keeps the bloat from coming back. If a full rewrite is unavoidable, run it in a "
                    + "maintenance window with a lock_timeout so that it gives up instead of queueing everyone.",
            "VACUUM FULL orders;",
            "-- makes dead space reusable without blocking reads or writes; pg_repack gives it back online\n"
                    + "VACUUM (ANALYZE) orders;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> commandTags() {
        return Set.of("VACUUM FULL", "CLUSTER");
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        String command = event.getCommandTag();
        if (!"VACUUM FULL".equalsIgnoreCase(command) && !"CLUSTER".equalsIgnoreCase(command)) {
            return List.of();
        }
        MaintenanceRun run = event.getMaintenance();
        String schema = run != null ? run.getSchemaName() : event.getSchemaName();
        String table = run != null ? run.getTableName()
                : event.getObjectIdentity() == null ? null : Names.unqualified(event.getObjectIdentity());
        if (table == null) {
            return List.of(); // no table named: nothing to attribute the lock to
        }
        String qualified = Names.qualified(schema, table);
        // Without the size, unknown is not small.
        Severity severity = run == null ? INFO.defaultSeverity() : size(run).severity(settings);
        String message = command.toUpperCase(java.util.Locale.ROOT) + " is rewriting " + qualified
                + (run != null && run.getIndexName() != null ? " in the order of index " + run.getIndexName() : "")
                + " under an ACCESS EXCLUSIVE lock (" + (run == null ? "size unknown" : describe(run))
                + "): reads and writes blocked until the copy and every index rebuild finish";
        return List.of(INFO.finding(severity, schema, table, qualified, message));
    }

    private static TableSize size(MaintenanceRun run) {
        return new TableSize(run.getEstimatedRows(), run.getSizeBytes());
    }

    /** {@code ≈12M rows, 3.1 GB, 4.2 GB with indexes and TOAST}. */
    private static String describe(MaintenanceRun run) {
        String text = size(run).describe();
        return run.getTotalBytes() > run.getSizeBytes()
                ? text + ", " + TableSize.bytes(run.getTotalBytes()) + " with indexes and TOAST" : text;
    }
}
