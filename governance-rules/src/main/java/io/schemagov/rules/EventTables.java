package io.schemagov.rules;

import io.schemagov.model.DroppedObject;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the table snapshots and dropped tables of an event by name, the way the rules need them. */
final class EventTables {

    private EventTables() {
    }

    /** Whether a catalog object type or snapshot kind denotes a table that holds rows itself or via partitions. */
    static boolean isTableType(String type) {
        if ("table".equals(type) || "partitioned table".equals(type)) {
            return true; // as the capture writes them: no need to normalise
        }
        String normalized = normalize(type);
        return normalized.equals("table") || normalized.equals("partitioned table");
    }

    static boolean isTable(TableSnapshot table) {
        return isTableType(table.getKind());
    }

    static boolean isPartitioned(TableSnapshot table) {
        if ("table".equals(table.getKind())) {
            return false;
        }
        return normalize(table.getKind()).equals("partitioned table");
    }

    /** The snapshot of the table an identity such as {@code public.orders} (or plain {@code orders}) names. */
    static Optional<TableSnapshot> find(SchemaChangeEvent event, String identity) {
        for (TableSnapshot table : event.getTables()) {
            if (Names.namesTable(identity, table)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    /** The snapshot of the table that has an index of this name in this schema (null schema: any). */
    static Optional<TableSnapshot> withIndex(SchemaChangeEvent event, String schema, String indexName) {
        for (TableSnapshot table : event.getTables()) {
            if ((schema == null || schema.equals(table.getSchemaName())) && hasIndex(table, indexName)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    private static boolean hasIndex(TableSnapshot table, String indexName) {
        for (IndexSnapshot index : table.getIndexes()) {
            if (index.getName().equals(indexName)) {
                return true;
            }
        }
        return false;
    }

    /** The event's only snapshot, when it has exactly one. */
    static Optional<TableSnapshot> single(SchemaChangeEvent event) {
        List<TableSnapshot> tables = event.getTables();
        return tables.size() == 1 ? Optional.of(tables.get(0)) : Optional.empty();
    }

    /** The dropped objects that are tables, whatever dropped them (the statement itself or a cascade). */
    static List<DroppedObject> droppedTables(SchemaChangeEvent event) {
        if (event.getDroppedObjects().isEmpty()) {
            return List.of(); // most commands drop nothing: no need for a stream
        }
        return event.getDroppedObjects().stream().filter(dropped -> isTableType(dropped.getObjectType())).toList();
    }

    /** Whether the event dropped an object of this type (in any letter case), e.g. {@code table column}. */
    static boolean dropped(SchemaChangeEvent event, String objectType) {
        for (DroppedObject dropped : event.getDroppedObjects()) {
            if (objectType.equalsIgnoreCase(dropped.getObjectType())) {
                return true;
            }
        }
        return false;
    }

    /** A dropped object's schema, from the catalog's field or else from its identity. */
    static String schemaOf(DroppedObject dropped) {
        if (dropped.getSchemaName() != null) {
            return dropped.getSchemaName();
        }
        List<String> parts = Names.parts(dropped.getObjectIdentity());
        return parts.size() > 1 ? parts.get(0) : null;
    }

    /** A dropped object's own name, from the catalog's field or else from its identity. */
    static String nameOf(DroppedObject dropped) {
        return dropped.getObjectName() != null ? dropped.getObjectName()
                : Names.unqualified(dropped.getObjectIdentity());
    }

    private static String normalize(String type) {
        return type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
    }
}
