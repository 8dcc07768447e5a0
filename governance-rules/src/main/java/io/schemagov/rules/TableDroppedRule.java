package io.schemagov.rules;

import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import java.util.ArrayList;
import java.util.List;

/** Flags tables a statement dropped, with all of their data. */
final class TableDroppedRule implements ChangeRule {

    static final String ID = "table-dropped";

    private static final RuleInfo INFO = new RuleInfo(ID, "Table dropped", Severity.HIGH, RuleScope.CHANGE,
            "DROP TABLE removes the table's data, indexes, constraints, triggers and grants at once; nothing "
                    + "short of a restore from backup or point-in-time recovery brings them back, and every "
                    + "application still querying the table fails with \"relation does not exist\".",
            "Retire tables in steps: stop the application using it, then rename it (or revoke access) for a "
                    + "release and watch for errors, take a dump of it (pg_dump -t), and only then drop it. "
                    + "To undo an unintended drop, restore the table from the latest backup or by point-in-time "
                    + "recovery to just before this change.",
            "DROP TABLE orders;",
            "-- first stop access for a release and watch for errors; dump it (pg_dump -t orders) before the drop\n"
                    + "REVOKE ALL ON orders FROM app_user;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        List<Finding> findings = new ArrayList<>();
        // Tables that went along with something else (DROP SCHEMA ... CASCADE) are reported through what was named.
        for (DroppedObject dropped : EventTables.droppedTables(event)) {
            if (dropped.getOriginal()) {
                String schema = EventTables.schemaOf(dropped);
                String table = EventTables.nameOf(dropped);
                String qualified = Names.qualified(schema, table);
                String command = event.getCommandTag() == null ? "DROP TABLE" : event.getCommandTag();
                String message = command + " dropped " + qualified + " with all of its data; applications that "
                        + "still query it will fail with \"relation does not exist\"";
                findings.add(INFO.finding(schema, table, qualified, message));
            }
        }
        return findings;
    }
}
