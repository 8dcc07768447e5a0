package io.schemagov.rules;

import io.schemagov.model.AffectedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Flags tables a TRUNCATE emptied, judged by the rows they held just before it and by CASCADE. */
final class TableTruncatedRule implements ChangeRule {

    static final String ID = "table-truncated";
    private static final String TRUNCATE = "TRUNCATE TABLE";

    private static final RuleInfo INFO = new RuleInfo(ID, "Table truncated", Severity.HIGH, RuleScope.CHANGE,
            "TRUNCATE removes every row at once, without row-level triggers or a per-row record anyone could undo, "
                    + "under an ACCESS EXCLUSIVE lock that blocks reads and writes until the transaction ends. Once "
                    + "committed, the rows come back only from a backup or by point-in-time recovery. CASCADE also "
                    + "empties every table that references it by a foreign key, and those that reference them, "
                    + "which is easy to miss when the statement is written. Severity: LOW on a table that was "
                    + "empty, HIGH with rows, CRITICAL with CASCADE or from large-table-rows rows.",
            "Make sure it is the intended database and table, and that a recent backup exists (pg_dump -t for the "
                    + "table) before truncating. Name every table to empty instead of using CASCADE, so the "
                    + "statement says what it removes. To remove part of the data, or to keep it recoverable and "
                    + "replicated row by row, delete in batches (DELETE ... WHERE id IN (SELECT ... LIMIT 10000)). "
                    + "To undo an unintended TRUNCATE, restore the table from the latest backup or by point-in-time "
                    + "recovery to just before this change.",
            "TRUNCATE TABLE orders;",
            "-- keep the rows recoverable: delete in batches, each its own transaction\n"
                    + "DELETE FROM orders WHERE id IN (SELECT id FROM orders WHERE created_at < now() - interval "
                    + "'2 years' LIMIT 10000);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> commandTags() {
        return Set.of(TRUNCATE);
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (!TRUNCATE.equalsIgnoreCase(event.getCommandTag()) || event.getObjectIdentity() == null) {
            return List.of();
        }
        String identity = event.getObjectIdentity();
        List<String> parts = Names.parts(identity);
        String table = Names.unqualified(identity);
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : event.getSchemaName();
        List<String> cascaded = event.getObjects().stream().map(AffectedObject::getObjectIdentity)
                .filter(other -> !Names.normalized(other).equals(Names.normalized(identity))).map(Names::normalized)
                .toList();
        boolean cascade = !cascaded.isEmpty() || saysCascade(event.getStatement());
        // The capture reads the table in a BEFORE TRUNCATE trigger: the rows and size it is about to remove.
        Optional<TableSnapshot> before = EventTables.find(event, identity);
        String qualified = Names.qualified(schema, table);
        String message = (cascade ? "TRUNCATE ... CASCADE" : "TRUNCATE") + " emptied " + qualified + " ("
                + before.map(TableTruncatedRule::describe).orElse("rows before it unknown") + ")"
                + (cascaded.isEmpty() ? "" : "; the cascade also empties the tables referencing it: "
                        + ShortList.of(cascaded))
                + ": the rows are gone unless restored from a backup";
        return List.of(INFO.finding(severity(before, cascade, settings), schema, table, qualified, message));
    }

    private static Severity severity(Optional<TableSnapshot> before, boolean cascade, RuleSettings settings) {
        if (cascade) {
            return Severity.CRITICAL;
        }
        if (before.isEmpty() || EventTables.isPartitioned(before.get())) {
            return INFO.defaultSeverity(); // unknown is not empty; a parent's rows are in its partitions
        }
        TableSize size = TableSize.of(before.get());
        if (!size.holdsRows()) {
            return Severity.LOW;
        }
        return size.likelyRows() >= settings.largeTableRows() ? Severity.CRITICAL : Severity.HIGH;
    }

    private static String describe(TableSnapshot table) {
        return EventTables.isPartitioned(table) ? "a partitioned table: its partitions' rows are in their own findings"
                : TableSize.of(table).describe();
    }

    /** Whether a TRUNCATE statement of the text ends in CASCADE (comments and literals do not count). */
    private static boolean saysCascade(String sql) {
        for (List<SqlToken> statement : SqlScanner.statements(sql)) {
            if (!statement.isEmpty() && statement.get(0).is("TRUNCATE")
                    && statement.stream().anyMatch(token -> token.is("CASCADE"))) {
                return true;
            }
        }
        return false;
    }
}
