package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterSubcommand.Flag;
import io.schemagov.rules.AlterTableEvent.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Flags DETACH PARTITION without CONCURRENTLY, which locks the whole partitioned table exclusively. */
final class DetachPartitionWithoutConcurrentlyRule implements ChangeRule {

    static final String ID = "detach-partition-without-concurrently";

    private static final RuleInfo INFO = new RuleInfo(ID, "Partition detached without CONCURRENTLY",
            Severity.MEDIUM, RuleScope.CHANGE,
            "ALTER TABLE ... DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table and on the "
                    + "partition. The detach itself is quick, but the lock must wait for every query running on any "
                    + "partition, and every later query on the partitioned table, reads included, queues behind it "
                    + "until it commits. The risk does not depend on the partition's size, so the rule fires for "
                    + "every such statement.",
            "Use ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+): it takes SHARE UPDATE "
                    + "EXCLUSIVE on the partitioned table and waits for running queries instead of blocking new "
                    + "ones. It must run outside a transaction block and is not allowed while the table has a "
                    + "DEFAULT partition. If it is interrupted, finish with ALTER TABLE ... DETACH PARTITION ... "
                    + "FINALIZE. Otherwise set a short lock_timeout and retry.",
            "ALTER TABLE orders DETACH PARTITION orders_2023;",
            "ALTER TABLE orders DETACH PARTITION orders_2023 CONCURRENTLY;");

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
        AlterTableEvent.of(event).ifPresent(alter -> {
            for (Action action : alter.actions()) {
                AlterSubcommand detach = action.subcommand();
                if (detach.is(AlterKind.DETACH_PARTITION) && !detach.has(Flag.CONCURRENTLY)
                        && !detach.has(Flag.FINALIZE)) {
                    findings.add(finding(alter.table(), action));
                }
            }
        });
        return findings;
    }

    private static Finding finding(LockedTable table, Action action) {
        String partition = action.subcommand().name();
        String message = action.describe() + " took an ACCESS EXCLUSIVE lock on " + table.name()
                + (partition == null ? "" : " and on " + partition) + ": reads and writes on the whole "
                + "partitioned table queued behind it, from the moment it started waiting for the lock until it "
                + "committed";
        return table.finding(INFO, INFO.defaultSeverity(), partition == null ? null : Names.unqualified(partition),
                message);
    }
}
