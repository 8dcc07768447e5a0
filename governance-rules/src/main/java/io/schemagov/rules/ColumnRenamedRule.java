package io.schemagov.rules;

import io.schemagov.model.AffectedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import io.schemagov.rules.AlterActions.Action;
import io.schemagov.rules.AlterActions.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags renamed columns, which break every client still using the old name. */
final class ColumnRenamedRule implements ChangeRule {

    static final String ID = "column-renamed";
    private static final String ALTER_TABLE = "ALTER TABLE";

    private static final RuleInfo INFO = new RuleInfo(ID, "Column renamed", Severity.MEDIUM, RuleScope.CHANGE,
            "A column rename takes effect at once: queries, INSERT column lists, ORM mappings and prepared "
                    + "statements naming the old column fail with \"column does not exist\", including those of the "
                    + "previous release still running during a deploy. Views and constraints inside the database "
                    + "follow the rename, but a view's output column keeps the old name. The change is instant and "
                    + "easy to reverse, hence MEDIUM.",
            "Expand and contract: add the column under the new name, keep both in step (the application writes "
                    + "both, or a trigger copies one into the other), backfill in batches, move readers and writers "
                    + "to the new name, then drop the old column in a later release. Clients that read through a "
                    + "view can get both names from it meanwhile. To undo, rename the column back.",
            "ALTER TABLE orders RENAME COLUMN note TO remark;",
            "-- expand and contract: add the new column, keep both in step, move clients, drop the old one later\n"
                    + "ALTER TABLE orders ADD COLUMN remark text;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (MysqlRules.isMysql(event)) {
            return renamedInMysql(event);
        }
        if (!ALTER_TABLE.equalsIgnoreCase(event.getCommandTag()) || event.getStatement() == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Action action : AlterActions.of(event.getStatement())) {
            if (action.kind() == Kind.RENAME_COLUMN && action.result() != null
                    && EventSubjects.concerns(event, action.schema(), action.target())
                    && !contradicted(event, action)) {
                findings.add(finding(event, action));
            }
        }
        return findings;
    }

    /** A snapshot without the new name belongs to another command of the same query string. */
    private static boolean contradicted(SchemaChangeEvent event, Action action) {
        Optional<TableSnapshot> table = EventSubjects.snapshot(event, action.schema(), action.target());
        return table.isPresent()
                && table.get().getColumns().stream().noneMatch(column -> column.getName().equals(action.result()));
    }

    /** RENAME COLUMN, or CHANGE under a new name, as the binlog ingest records it: {@code db.table.column}. */
    private static List<Finding> renamedInMysql(SchemaChangeEvent event) {
        List<Finding> findings = new ArrayList<>();
        for (AffectedObject column : MysqlRules.renamed(event, "table column")) {
            List<String> to = Names.parts(column.getObjectIdentity());
            List<String> from = Names.parts(column.getPreviousIdentity());
            if (to.size() < 2 || from.size() < 2) {
                continue;
            }
            String table = to.get(to.size() - 2);
            String qualified = Names.qualified(column.getSchemaName(), table);
            String old = from.get(from.size() - 1);
            String now = to.get(to.size() - 1);
            String message = event.getCommandTag() + " renamed column " + old + " of " + qualified + " to " + now
                    + ": clients still using " + old + " now fail with \"Unknown column\"";
            findings.add(INFO.finding(column.getSchemaName(), table, Names.qualified(qualified, now), message));
        }
        return findings;
    }

    private static Finding finding(SchemaChangeEvent event, Action action) {
        String schema = EventSubjects.schemaOf(event, action.schema(), action.target());
        String table = Names.qualified(schema, action.target());
        String message = event.getCommandTag() + " renamed column " + action.subject() + " of " + table + " to "
                + action.result() + ": clients still using " + action.subject()
                + " now fail with \"column does not exist\"";
        return INFO.finding(schema, action.target(), Names.qualified(table, action.result()), message);
    }
}
