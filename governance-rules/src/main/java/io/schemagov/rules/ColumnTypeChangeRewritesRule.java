package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterTableEvent.Action;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Names the columns whose type change made PostgreSQL rewrite a populated table. */
final class ColumnTypeChangeRewritesRule implements ChangeRule {

    static final String ID = "column-type-change-rewrites";

    private static final RuleInfo INFO = new RuleInfo(ID, "Column type change rewrote the table", Severity.MEDIUM,
            RuleScope.CHANGE,
            "ALTER COLUMN ... TYPE keeps the stored values only when the old type is binary-compatible with the new "
                    + "one (varchar(n) to a larger varchar(n) or to text, numeric(p,s) to a larger p with the same "
                    + "s); otherwise PostgreSQL rewrites the whole table and rebuilds every index under an ACCESS "
                    + "EXCLUSIVE lock, and needs disk space for a second copy. This rule reports only changes "
                    + "PostgreSQL really rewrote (its table_rewrite record is the truth; the statement tells which "
                    + "column), complementing table-rewrite with the column named. Severity grows with the table's "
                    + "size.",
            "Prefer type changes that need no rewrite. Otherwise expand and contract: add a column of the new type, "
                    + "keep it in sync with a trigger, backfill it in batches, switch reads and writes to it, then "
                    + "drop the old column (or swap names in one short transaction). For int to bigint on a key, "
                    + "build the new column's unique index CONCURRENTLY before the switch. If a rewrite is "
                    + "unavoidable, run it in a maintenance window with lock_timeout and statement_timeout set.",
            "ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint;",
            "-- expand and contract: a new column, kept in step by a trigger and backfilled in batches, then swapped "
                    + "in\n"
                    + "ALTER TABLE orders ADD COLUMN customer_id_new bigint;");

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
        return AlterTableEvent.of(event)
                .filter(alter -> alter.table().size().holdsRows() && alter.rewrittenFor("type"))
                .map(alter -> List.copyOf(finding(alter, settings))).orElse(List.of());
    }

    private static List<Finding> finding(AlterTableEvent alter, RuleSettings settings) {
        List<Action> changes = alter.actions().stream()
                .filter(action -> action.subcommand().is(AlterKind.ALTER_COLUMN_TYPE)).toList();
        if (changes.isEmpty()) {
            return List.of();
        }
        LockedTable table = alter.table();
        String columns = changes.stream().map(action -> "ALTER COLUMN " + action.subcommand().name() + " TYPE "
                + action.subcommand().expression()).collect(Collectors.joining(" and "));
        String message = "ALTER TABLE ... " + columns + " rewrote " + table.describe() + " under an ACCESS "
                + "EXCLUSIVE lock: the stored values could not be kept as they were, so every row was copied and "
                + "every index rebuilt; reads and writes blocked for the whole rewrite";
        String object = changes.size() == 1 ? table.table() + "." + changes.get(0).subcommand().name() : null;
        return List.of(table.finding(INFO, table.severity(settings), object, message));
    }
}
