package io.schemagov.rules;

import io.schemagov.model.ConstraintType;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterSubcommand.Flag;
import io.schemagov.rules.AlterTableEvent.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Flags PRIMARY KEY and UNIQUE constraints that built their index under ACCESS EXCLUSIVE on a populated table. */
final class UniqueOrPrimaryKeyWithoutUsingIndexRule implements ChangeRule {

    static final String ID = "unique-or-primary-key-without-using-index";

    private static final RuleInfo INFO = new RuleInfo(ID, "Unique or primary key built under an exclusive lock",
            Severity.MEDIUM, RuleScope.CHANGE,
            "ALTER TABLE ... ADD PRIMARY KEY or ADD UNIQUE builds the constraint's unique index inside the ALTER "
                    + "TABLE, under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build (a scan and "
                    + "a sort of every row), which takes minutes on a large table, and a primary key first scans "
                    + "for NULLs in columns not yet NOT NULL. Severity grows with the table's size.",
            "Build the index without blocking, then adopt it: CREATE UNIQUE INDEX CONCURRENTLY t_key_idx ON t "
                    + "(cols); (outside a transaction block; if it fails, drop the INVALID index and retry), then "
                    + "ALTER TABLE t ADD CONSTRAINT t_key UNIQUE USING INDEX t_key_idx; (or PRIMARY KEY USING "
                    + "INDEX), which is instant. For a primary key, make the columns NOT NULL beforehand without a "
                    + "scan (CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, SET NOT NULL), or USING INDEX "
                    + "will scan for NULLs itself. USING INDEX is not available on partitioned tables: there, first "
                    + "create the matching unique index CONCURRENTLY on each partition; ADD PRIMARY KEY or UNIQUE on "
                    + "the parent then attaches those indexes instead of building new ones.",
            "ALTER TABLE orders ADD CONSTRAINT orders_email_key UNIQUE (email);",
            "-- after CREATE UNIQUE INDEX CONCURRENTLY orders_email_key ON orders (email); in its own migration\n"
                    + "ALTER TABLE orders ADD CONSTRAINT orders_email_key UNIQUE USING INDEX orders_email_key;");

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
                boolean key = added.adds(ConstraintType.PRIMARY_KEY) || added.adds(ConstraintType.UNIQUE);
                if (key && !added.has(Flag.USING_INDEX)) {
                    findings.add(finding(alter.table(), action, settings));
                }
            }
        });
        return findings;
    }

    private static Finding finding(LockedTable table, Action action, RuleSettings settings) {
        AlterSubcommand added = action.subcommand();
        LockLevel lock = action.lock();
        String message = action.describe() + " took " + lock.withArticle() + " on " + table.describe()
                + " and built the " + AlterConstraintParser.words(added.constraintType())
                + "'s unique index while holding it: " + lock.blockedActivity() + " blocked for the whole build";
        return table.finding(INFO, table.severity(settings), added.name(), message);
    }
}
