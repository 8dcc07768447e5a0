package io.schemagov.rules;

import io.schemagov.model.ConstraintType;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterSubcommand.Flag;
import io.schemagov.rules.AlterTableEvent.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Flags FOREIGN KEY and CHECK constraints added to a populated table without NOT VALID. */
final class ConstraintWithoutNotValidRule implements ChangeRule {

    static final String ID = "constraint-without-not-valid";

    private static final RuleInfo INFO = new RuleInfo(ID, "Constraint added without NOT VALID", Severity.MEDIUM,
            RuleScope.CHANGE,
            "ALTER TABLE ... ADD FOREIGN KEY or ADD CHECK validates every existing row before it returns, holding its "
                    + "lock the whole time: a foreign key takes SHARE ROW EXCLUSIVE on both tables (writes to "
                    + "either wait), a CHECK takes ACCESS EXCLUSIVE (reads and writes wait). On a large table the "
                    + "validation takes minutes. Severity grows with the table's size; a partitioned table counts "
                    + "as large because its partitions' sizes are not captured.",
            "Split it in two transactions. First ALTER TABLE ... ADD CONSTRAINT ... NOT VALID: it is instant and "
                    + "enforces the constraint for new and updated rows. Then, in a separate transaction (a "
                    + "separate migration), ALTER TABLE ... VALIDATE CONSTRAINT ...: it scans under a SHARE UPDATE "
                    + "EXCLUSIVE lock (ROW SHARE on the referenced table), so reads and writes continue. Set a "
                    + "lock_timeout for the first step. PostgreSQL 17 and older reject NOT VALID foreign keys on a "
                    + "partitioned table: add and validate the key on each partition first, then add it to the "
                    + "parent, which attaches the partitions' matching constraints.",
            "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);",
            "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) "
                    + "NOT VALID;\n"
                    + "-- then, in a separate migration: ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;");

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
                AlterSubcommand added = action.subcommand();
                boolean validating = added.adds(ConstraintType.FOREIGN_KEY) || added.adds(ConstraintType.CHECK);
                if (validating && !added.has(Flag.NOT_VALID)) {
                    findings.add(finding(alter.table(), action, settings));
                }
            }
        });
        return findings;
    }

    private static Finding finding(LockedTable table, Action action, RuleSettings settings) {
        AlterSubcommand added = action.subcommand();
        LockLevel lock = action.lock();
        String referenced = added.related() == null ? ""
                : " and " + added.relatedLock().withArticle() + " on the referenced table " + added.related();
        String message = action.describe() + " took " + lock.withArticle() + " on " + table.describe() + referenced
                + " and scanned every row to validate the " + AlterConstraintParser.words(added.constraintType())
                + ": " + lock.blockedActivity() + " blocked for the whole validation";
        return table.finding(INFO, table.severity(settings), added.name(), message);
    }
}
