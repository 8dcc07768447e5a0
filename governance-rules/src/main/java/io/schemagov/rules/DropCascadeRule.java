package io.schemagov.rules;

import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Flags drops that took dependent tables, columns or views with them, listing what went. */
final class DropCascadeRule implements ChangeRule {

    static final String ID = "drop-cascade";

    private static final Set<String> VIEW_TYPES = Set.of("view", "materialized view");

    private static final RuleInfo INFO = new RuleInfo(ID, "Dependent objects dropped along with another",
            Severity.HIGH, RuleScope.CHANGE,
            "With CASCADE a DROP also removes everything that depends on the named object: views over a table or "
                    + "column, columns of a dropped type, tables inheriting from a dropped table. PostgreSQL lists "
                    + "them only in a NOTICE that migration tools rarely show, so those objects, and the data in "
                    + "dropped tables and columns, disappear unnoticed and the clients using them fail. Severity is "
                    + "HIGH when tables or columns went, MEDIUM when only views did.",
            "Drop without CASCADE: PostgreSQL then refuses and names every dependent object, so each can be "
                    + "dropped or rewritten deliberately first (views recreated against the new structure, data "
                    + "migrated out of columns). To see the dependents beforehand, run the DROP without CASCADE in a "
                    + "transaction and read the error. Recreate the views listed here from their definitions in "
                    + "version control; restore dropped tables or columns from a backup.",
            "DROP TABLE orders CASCADE;",
            "-- drop the dependants deliberately, so PostgreSQL refuses if anything else still depends on orders\n"
                    + "DROP VIEW order_totals;\n"
                    + "DROP TABLE orders;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (event.getDroppedObjects().isEmpty()) {
            return List.of(); // most commands drop nothing
        }
        List<DroppedObject> named = event.getDroppedObjects().stream().filter(DroppedObject::getOriginal).toList();
        if (named.isEmpty()) {
            return List.of();
        }
        Set<String> droppedTables = EventTables.droppedTables(event).stream()
                .map(table -> Names.qualified(EventTables.schemaOf(table), EventTables.nameOf(table)))
                .collect(Collectors.toSet());
        Set<String> droppedSchemas = named.stream().filter(dropped -> type(dropped).equals("schema"))
                .map(EventTables::nameOf).collect(Collectors.toSet());
        // Without CASCADE only partitions go with their table, by design; table-dropped reports the table itself.
        boolean cascade = event.getStatement() == null || mentionsCascade(event.getStatement());
        List<String> tables = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> views = new ArrayList<>();
        for (DroppedObject dropped : event.getDroppedObjects()) {
            if (dropped.getOriginal() || droppedSchemas.contains(EventTables.schemaOf(dropped))) {
                continue; // schema-dropped lists what a dropped schema held
            }
            String identity = Names.normalized(dropped.getObjectIdentity());
            if (cascade && EventTables.isTableType(dropped.getObjectType())) {
                tables.add(identity);
            } else if (type(dropped).equals("table column") && !droppedTables.contains(tableOfColumn(dropped))) {
                columns.add(identity);
            } else if (VIEW_TYPES.contains(type(dropped))) {
                views.add(identity);
            }
        }
        if (tables.isEmpty() && columns.isEmpty() && views.isEmpty()) {
            return List.of();
        }
        return List.of(finding(event, named.get(0), tables, columns, views));
    }

    private static Finding finding(SchemaChangeEvent event, DroppedObject first, List<String> tables,
            List<String> columns, List<String> views) {
        List<String> parts = new ArrayList<>();
        if (!tables.isEmpty()) {
            parts.add(ShortList.count(tables.size(), "table ", "tables ") + ShortList.of(tables));
        }
        if (!columns.isEmpty()) {
            parts.add(ShortList.count(columns.size(), "column ", "columns ") + ShortList.of(columns));
        }
        if (!views.isEmpty()) {
            parts.add(ShortList.count(views.size(), "view ", "views ") + ShortList.of(views));
        }
        boolean dataLost = !tables.isEmpty() || !columns.isEmpty();
        String command = event.getCommandTag() == null ? "DROP" : event.getCommandTag();
        String subject = Names.normalized(first.getObjectIdentity());
        String message = command + " of " + subject + " also dropped " + String.join("; ", parts)
                + (dataLost ? ": their data is gone and" : ":") + " clients using them will fail";
        String table = EventTables.isTableType(first.getObjectType()) ? EventTables.nameOf(first) : null;
        return INFO.finding(dataLost ? Severity.HIGH : Severity.MEDIUM, EventTables.schemaOf(first), table, subject,
                message);
    }

    /** Whether some statement of the text carries the keyword CASCADE outside comments and literals. */
    private static boolean mentionsCascade(String sql) {
        for (List<SqlToken> statement : SqlScanner.statements(sql)) {
            for (SqlToken token : statement) {
                if (token.is("CASCADE")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code schema.table} of a dropped column, whose identity is {@code schema.table.column}. */
    private static String tableOfColumn(DroppedObject column) {
        List<String> parts = Names.parts(column.getObjectIdentity());
        return parts.size() < 2 ? null : Names.qualified(EventTables.schemaOf(column), parts.get(parts.size() - 2));
    }

    private static String type(DroppedObject dropped) {
        return dropped.getObjectType() == null ? "" : dropped.getObjectType().toLowerCase(Locale.ROOT);
    }
}
