package io.schemagov.rules;

import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags indexes left INVALID, typically by a failed CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY. */
final class InvalidIndexRule implements TableRule {

    static final String ID = "invalid-index";

    private static final RuleInfo INFO = new RuleInfo(ID, "Index left INVALID", Severity.HIGH,
            RuleScope.TABLE_STATE,
            "When CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY fails (a duplicate value for a unique index, "
                    + "a deadlock, a cancelled or timed-out statement), PostgreSQL leaves the half-built index "
                    + "behind marked INVALID. The planner never uses it, so the queries it was built for still scan, "
                    + "yet every insert and update still pays for keeping it up to date, and a unique one may "
                    + "already reject new duplicates. Nothing reports it: the migration failed once and the index "
                    + "looks present in \\d and in schema diffs. On a partitioned table, an index created ON ONLY "
                    + "the parent stays invalid until an index of every partition is attached to it.",
            "Drop the leftover without blocking: DROP INDEX CONCURRENTLY name; (outside a transaction block). Find "
                    + "why the build failed (for a unique index: SELECT key, count(*) ... GROUP BY key HAVING "
                    + "count(*) > 1), fix it, and build the index again with CREATE INDEX CONCURRENTLY. A *_ccnew "
                    + "index is what a failed REINDEX CONCURRENTLY left; drop it and retry. For a partitioned "
                    + "table, attach the missing partitions' indexes (ALTER INDEX ... ATTACH PARTITION).",
            "-- fails on duplicate emails and leaves customers_email_key behind, INVALID\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY customers_email_key ON customers (email);",
            "-- drop the leftover, remove the duplicates, then build it again\n"
                    + "DROP INDEX CONCURRENTLY customers_email_key;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        List<String> invalid = new ArrayList<>();
        for (IndexSnapshot index : table.getIndexes()) {
            if (!index.getValid()) {
                invalid.add(index.getName());
            }
        }
        if (invalid.isEmpty()) {
            return Optional.empty();
        }
        String name = Names.of(table);
        String cause = EventTables.isPartitioned(table)
                ? "not yet attached to an index of every partition"
                : "the planner ignores " + (invalid.size() == 1 ? "it" : "them") + " while every write still "
                        + "maintains " + (invalid.size() == 1 ? "it" : "them");
        String message = name + " has " + (invalid.size() == 1 ? "an INVALID index" : "INVALID indexes") + ", left "
                + "by a failed concurrent build or reindex: " + ShortList.of(invalid) + "; " + cause;
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }
}
