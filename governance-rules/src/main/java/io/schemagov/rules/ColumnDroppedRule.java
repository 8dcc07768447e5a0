package io.schemagov.rules;

import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Flags dropped columns, which break every application still using them. */
final class ColumnDroppedRule implements ChangeRule {

    static final String ID = "column-dropped";

    private static final RuleInfo INFO = new RuleInfo(ID, "Column dropped", Severity.HIGH, RuleScope.CHANGE,
            "Dropping a column is instant (PostgreSQL only marks it dropped) but irreversible: its data is gone "
                    + "short of a restore, and every query, view refresh, ORM mapping or prepared statement that "
                    + "still names it fails with \"column does not exist\" from that moment. Application "
                    + "instances of the previous release are usually still running during a deploy.",
            "Expand and contract: first release application code that no longer reads or writes the column "
                    + "(and remove it from ORM mappings), let every old instance retire, optionally rename the "
                    + "column for a release to catch stragglers, and drop it only in a later release. Take a "
                    + "backup of the column's data if it may be needed again.",
            "ALTER TABLE orders DROP COLUMN note;",
            "-- first release code that no longer uses the column; mark it, and drop it a release later\n"
                    + "COMMENT ON COLUMN orders.note IS 'unused since release 42: drop in release 43';");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (!EventTables.dropped(event, "table column")) {
            return List.of();
        }
        // A dropped table's columns go with it; table-dropped reports that, once.
        Set<String> droppedTables = EventTables.droppedTables(event).stream()
                .map(table -> Names.qualified(EventTables.schemaOf(table), EventTables.nameOf(table)))
                .collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        for (DroppedObject dropped : event.getDroppedObjects()) {
            if (!"table column".equalsIgnoreCase(dropped.getObjectType())) {
                continue;
            }
            List<String> parts = Names.parts(dropped.getObjectIdentity());
            String column = parts.get(parts.size() - 1);
            String table = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
            String schema = dropped.getSchemaName() != null ? dropped.getSchemaName()
                    : parts.size() > 2 ? parts.get(parts.size() - 3) : null;
            String qualifiedTable = table == null ? null : Names.qualified(schema, table);
            if (table == null || !droppedTables.contains(qualifiedTable)) {
                findings.add(INFO.finding(schema, table, Names.qualified(qualifiedTable, column),
                        message(event, column, qualifiedTable)));
            }
        }
        return findings;
    }

    private static String message(SchemaChangeEvent event, String column, String table) {
        String command = event.getCommandTag() == null ? "ALTER TABLE" : event.getCommandTag();
        return command + " dropped column " + column + (table == null ? "" : " from " + table)
                + " and its data; applications that still read or write it will fail with \"column does not exist\"";
    }
}
