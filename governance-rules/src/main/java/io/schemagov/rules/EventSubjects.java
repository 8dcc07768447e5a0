package io.schemagov.rules;

import io.schemagov.model.AffectedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tells whether a table named in statement text is one the event's command acted on, and finds its snapshot. */
final class EventSubjects {

    /** A table the command acted on; schema null when unknown. */
    private record Subject(String schema, String table) {
    }

    private EventSubjects() {
    }

    /**
     * Whether the command acted on the table (schema null: any schema); true when the event names no table.
     * A multi-statement query string yields one event per command, each carrying the whole text, so
     * statement-reading rules keep only the statements about the event's own tables; otherwise each command
     * would report its neighbours' actions too.
     */
    static boolean concerns(SchemaChangeEvent event, String schema, String table) {
        List<Subject> subjects = subjects(event);
        return subjects.isEmpty() || subjects.stream().anyMatch(subject -> subject.table().equals(table)
                && (schema == null || subject.schema() == null || schema.equals(subject.schema())));
    }

    /** The snapshot of the table, by schema when given, else by name alone when only one table has it. */
    static Optional<TableSnapshot> snapshot(SchemaChangeEvent event, String schema, String table) {
        List<TableSnapshot> named = event.getTables().stream()
                .filter(snapshot -> snapshot.getTableName().equals(table))
                .filter(snapshot -> schema == null || schema.equals(snapshot.getSchemaName()))
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** The schema of the table as the statement or else the event knows it; null when neither does. */
    static String schemaOf(SchemaChangeEvent event, String writtenSchema, String table) {
        if (writtenSchema != null) {
            return writtenSchema;
        }
        return snapshot(event, null, table).map(TableSnapshot::getSchemaName).orElse(event.getSchemaName());
    }

    private static List<Subject> subjects(SchemaChangeEvent event) {
        List<Subject> subjects = new ArrayList<>();
        add(subjects, event.getObjectType(), event.getObjectIdentity());
        for (AffectedObject object : event.getObjects()) {
            add(subjects, object.getObjectType(), object.getObjectIdentity());
        }
        for (TableSnapshot table : event.getTables()) {
            subjects.add(new Subject(table.getSchemaName(), table.getTableName()));
        }
        return subjects;
    }

    /** Tables count as themselves, columns as their table; other objects (indexes, schemas) name no table. */
    private static void add(List<Subject> subjects, String objectType, String identity) {
        if (objectType == null || identity == null) {
            return;
        }
        List<String> parts = Names.parts(identity);
        boolean column = objectType.equalsIgnoreCase("table column");
        if (column && parts.size() >= 2) {
            parts = parts.subList(0, parts.size() - 1);
        } else if (!EventTables.isTableType(objectType) && !objectType.equalsIgnoreCase("foreign table")) {
            return;
        }
        String table = parts.get(parts.size() - 1);
        subjects.add(new Subject(parts.size() > 1 ? parts.get(parts.size() - 2) : null, table));
    }
}
