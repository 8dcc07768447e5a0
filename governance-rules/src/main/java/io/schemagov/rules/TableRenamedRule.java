package io.schemagov.rules;

import io.schemagov.model.AffectedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterActions.Action;
import io.schemagov.rules.AlterActions.Kind;
import java.util.ArrayList;
import java.util.List;

/** Flags tables renamed or moved to another schema, which breaks every client still using the old name. */
final class TableRenamedRule implements ChangeRule {

    static final String ID = "table-renamed";
    private static final String ALTER_TABLE = "ALTER TABLE";

    private static final RuleInfo INFO = new RuleInfo(ID, "Table renamed", Severity.MEDIUM, RuleScope.CHANGE,
            "Renaming a table, or moving it with SET SCHEMA, takes effect at once for every session: queries, ORM "
                    + "mappings, prepared statements and functions that name it the old way fail with \"relation "
                    + "does not exist\", including those of the previous release still running during a deploy. "
                    + "Views, foreign keys and indexes inside the database follow the table. The change is instant "
                    + "and easy to reverse, hence MEDIUM.",
            "Expand and contract: rename the table and, in the same transaction, create a view under the old name "
                    + "(CREATE VIEW old_name AS SELECT * FROM new_name); such a simple view is updatable, so old "
                    + "clients keep reading and writing through it. Release the application using the new name, "
                    + "wait for every old instance to retire, then drop the view. To undo, rename the table back.",
            "ALTER TABLE orders RENAME TO purchases;",
            "-- expand and contract: a view under the new name while clients move to it, then swap the two\n"
                    + "CREATE VIEW purchases AS SELECT * FROM orders;");

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
            if (action.result() == null) {
                continue;
            }
            // The event already names the table by its new name.
            if (action.kind() == Kind.RENAME_TABLE && EventSubjects.concerns(event, action.schema(), action.result())) {
                String schema = EventSubjects.schemaOf(event, action.schema(), action.result());
                findings.add(finding(event, Names.qualified(schema, action.target()), schema, action.result(), false));
            } else if (action.kind() == Kind.SET_SCHEMA
                    && EventSubjects.concerns(event, action.result(), action.target())) {
                String from = Names.qualified(action.schema(), action.target());
                findings.add(finding(event, from, action.result(), action.target(), true));
            }
        }
        return findings;
    }

    /** RENAME TABLE or ALTER TABLE ... RENAME, possibly into another database, as the binlog ingest records it. */
    private static List<Finding> renamedInMysql(SchemaChangeEvent event) {
        List<Finding> findings = new ArrayList<>();
        for (AffectedObject table : MysqlRules.renamed(event, "table")) {
            List<String> to = Names.parts(table.getObjectIdentity());
            List<String> from = Names.parts(table.getPreviousIdentity());
            boolean moved = from.size() > 1 && to.size() > 1 && !from.get(0).equals(to.get(0))
                    && from.get(1).equals(to.get(1));
            findings.add(finding(event, table.getPreviousIdentity(), table.getSchemaName(), to.get(to.size() - 1),
                    moved));
        }
        return findings;
    }

    private static Finding finding(SchemaChangeEvent event, String from, String schema, String table,
            boolean moved) {
        String to = Names.qualified(schema, table);
        String error = MysqlRules.isMysql(event) ? "\"table doesn't exist\"" : "\"relation does not exist\"";
        String message = event.getCommandTag() + (moved ? " moved " : " renamed ")
                + from + " to " + to + ": clients still using the old name now fail with " + error;
        return INFO.finding(schema, table, to, message);
    }
}
