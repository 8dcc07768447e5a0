package io.schemagov.rules;

import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Flags dropped schemas, listing the tables and views that went with them. */
final class SchemaDroppedRule implements ChangeRule {

    static final String ID = "schema-dropped";

    private static final Set<String> VIEW_TYPES = Set.of("view", "materialized view");
    /** Objects a user made in the schema; row types, array types, indexes and the like only come with them. */
    private static final Set<String> OTHER_TYPES = Set.of("function", "procedure", "aggregate", "sequence", "type",
            "domain", "foreign table");

    private static final RuleInfo INFO = new RuleInfo(ID, "Schema dropped", Severity.HIGH, RuleScope.CHANGE,
            "DROP SCHEMA ... CASCADE removes every table, view, function, sequence and type in the schema at once, "
                    + "data included; only a restore from backup or point-in-time recovery brings them back. "
                    + "Clients that qualify names with the schema, or have it in their search_path, fail from that "
                    + "moment, and the grants on it are gone. Severity is CRITICAL when tables went with it, HIGH "
                    + "when other objects did, LOW for a schema that held nothing.",
            "Retire a schema in steps: confirm nothing uses its tables (pg_stat_user_tables shows reads and "
                    + "writes), revoke USAGE on it for a release and watch for errors, dump it (pg_dump -n), and "
                    + "drop it without CASCADE, so PostgreSQL refuses while anything is left in it. To undo an "
                    + "unintended drop, restore from the latest backup or by point-in-time recovery to just before "
                    + "this change.",
            "DROP SCHEMA reporting;",
            "-- first revoke access for a release and watch for errors; dump it (pg_dump -n reporting) before the "
                    + "drop\n"
                    + "REVOKE USAGE ON SCHEMA reporting FROM app_user;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (DroppedObject dropped : event.getDroppedObjects()) {
            if (dropped.getOriginal() && "schema".equalsIgnoreCase(dropped.getObjectType())) {
                findings.add(finding(event, EventTables.nameOf(dropped)));
            }
        }
        return findings;
    }

    private static Finding finding(SchemaChangeEvent event, String schema) {
        List<DroppedObject> contents = event.getDroppedObjects().stream()
                .filter(dropped -> !dropped.getOriginal() && schema.equals(EventTables.schemaOf(dropped)))
                .toList();
        List<String> tables = names(contents, EventTables::isTableType);
        List<String> views = names(contents, VIEW_TYPES::contains);
        Set<String> tablesAndViews = contents.stream().map(DroppedObject::getObjectIdentity).filter(identity ->
                tables.contains(Names.normalized(identity)) || views.contains(Names.normalized(identity)))
                .collect(Collectors.toSet());
        long others = contents.stream().filter(dropped -> OTHER_TYPES.contains(type(dropped)))
                .filter(dropped -> !dropped.getObjectIdentity().endsWith("[]")) // array types of everything
                .filter(dropped -> !tablesAndViews.contains(dropped.getObjectIdentity())) // their row types
                .count();
        Severity severity = !tables.isEmpty() ? Severity.CRITICAL
                : !views.isEmpty() || others > 0 ? Severity.HIGH : Severity.LOW;
        String command = event.getCommandTag() == null ? "DROP SCHEMA" : event.getCommandTag();
        String message = command + " dropped schema " + schema + contents(tables, views, others)
                + "; clients that still name the schema or have it in their search_path will fail";
        return INFO.finding(severity, schema, null, schema, message);
    }

    private static String contents(List<String> tables, List<String> views, long others) {
        if (tables.isEmpty() && views.isEmpty() && others == 0) {
            return ", which held no tables or views";
        }
        List<String> parts = new ArrayList<>();
        if (!tables.isEmpty()) {
            parts.add(ShortList.count(tables.size(), "table", "tables") + " (" + ShortList.of(tables)
                    + ") with all of their data");
        }
        if (!views.isEmpty()) {
            parts.add(ShortList.count(views.size(), "view", "views") + " (" + ShortList.of(views) + ")");
        }
        if (others > 0) {
            parts.add(ShortList.count((int) others, "other object", "other objects")
                    + " (functions, sequences, types)");
        }
        return " and with it " + String.join(", ", parts);
    }

    private static List<String> names(List<DroppedObject> objects, Predicate<String> type) {
        return objects.stream().filter(dropped -> type.test(type(dropped)))
                .map(dropped -> Names.normalized(dropped.getObjectIdentity())).toList();
    }

    private static String type(DroppedObject dropped) {
        return dropped.getObjectType() == null ? "" : dropped.getObjectType().toLowerCase(Locale.ROOT);
    }
}
