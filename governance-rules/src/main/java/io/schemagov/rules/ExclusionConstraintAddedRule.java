package io.schemagov.rules;

import io.schemagov.model.ConstraintType;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterTableEvent.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Flags exclusion constraints added to a populated table, which build and check their index under lock. */
final class ExclusionConstraintAddedRule implements ChangeRule {

    static final String ID = "exclusion-constraint-added";

    private static final RuleInfo INFO = new RuleInfo(ID, "Exclusion constraint added to a populated table",
            Severity.MEDIUM, RuleScope.CHANGE,
            "ALTER TABLE ... ADD EXCLUDE builds the constraint's index (usually GiST) and checks every row against "
                    + "the others under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build, and "
                    + "GiST builds are slow. Unlike UNIQUE, there is no online path: USING INDEX accepts only "
                    + "unique B-tree indexes and exclusion constraints cannot be NOT VALID. Severity grows with the "
                    + "table's size.",
            "Add exclusion constraints while the table is new or small. On a large table, schedule a maintenance "
                    + "window and set lock_timeout and statement_timeout; or create a new table with the constraint, "
                    + "copy the rows in batches (keeping it in sync with a trigger), and swap the names in one short "
                    + "transaction.",
            "ALTER TABLE orders ADD CONSTRAINT orders_no_overlap EXCLUDE USING gist (period WITH &&);",
            "-- a new table with the constraint; copy the rows in batches, then swap the names in one short "
                    + "transaction\n"
                    + "CREATE TABLE orders_new (LIKE orders INCLUDING ALL, EXCLUDE USING gist (period WITH &&));");

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
            for (Action action : alter.actions()) {
                if (action.subcommand().adds(ConstraintType.EXCLUSION)) {
                    findings.add(finding(alter.table(), action, settings));
                }
            }
        });
        return findings;
    }

    private static Finding finding(LockedTable table, Action action, RuleSettings settings) {
        LockLevel lock = action.lock();
        String message = action.describe() + " took " + lock.withArticle() + " on " + table.describe()
                + " and built the exclusion constraint's index, checking every row against the others: "
                + lock.blockedActivity() + " blocked for the whole build";
        return table.finding(INFO, table.severity(settings), action.subcommand().name(), message);
    }
}
