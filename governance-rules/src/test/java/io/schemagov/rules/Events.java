package io.schemagov.rules;

import io.schemagov.model.Actor;
import io.schemagov.model.AffectedObject;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import io.schemagov.model.TableRewrite;
import io.schemagov.model.TableSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds SchemaChangeEvents for tests in a line or two. */
final class Events {

    private Events() {
    }

    /** A DDL command on the object {@code identity} (qualified, may be null), with its statement text. */
    static Builder ddl(String commandTag, String identity, String statement) {
        return new Builder(ChangeKind.DDL, commandTag, identity, statement);
    }

    /** The baseline record of one table. */
    static Builder baseline(TableSnapshot table) {
        String identity = table.getSchemaName() + "." + table.getTableName();
        return new Builder(ChangeKind.BASELINE, "BASELINE", identity, null).objectType("table").tables(table);
    }

    static final class Builder {
        private final SchemaChangeEvent.Builder event;
        private final List<AffectedObject> objects = new ArrayList<>();
        private final List<DroppedObject> dropped = new ArrayList<>();
        private final List<TableRewrite> rewrites = new ArrayList<>();
        private final List<TableSnapshot> tables = new ArrayList<>();

        private Builder(ChangeKind kind, String commandTag, String identity, String statement) {
            event = SchemaChangeEvent.newBuilder()
                    .setSource(SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase("shop")
                            .setPosition("0/16B3748").build())
                    .setKind(kind).setCommandTag(commandTag).setObjectIdentity(identity).setStatement(statement)
                    .setSchemaName(identity == null || !identity.contains(".") ? null
                            : identity.substring(0, identity.indexOf('.')))
                    .setActor(Actor.newBuilder().setRole("app").build())
                    .setEventTime(Instant.parse("2025-01-15T10:00:00Z"));
        }

        Builder objectType(String objectType) {
            event.setObjectType(objectType);
            return this;
        }

        Builder tables(TableSnapshot... snapshots) {
            tables.addAll(List.of(snapshots));
            return this;
        }

        /** An object the command created or altered, as pg_event_trigger_ddl_commands reports it. */
        Builder object(String commandTag, String objectType, String identity) {
            objects.add(AffectedObject.newBuilder().setCommandTag(commandTag).setObjectType(objectType)
                    .setSchemaName(identity.substring(0, identity.indexOf('.'))).setObjectIdentity(identity).build());
            return this;
        }

        /**
         * A dropped object as pg_event_trigger_dropped_objects reports it: columns and constraints
         * ({@code name on schema.table}) have no object name of their own.
         */
        /** An object the change renamed, with its old name, as the binlog ingest records renames. */
        Builder renamed(String objectType, String previousIdentity, String identity) {
            objects.add(AffectedObject.newBuilder().setCommandTag(event.getCommandTag()).setObjectType(objectType)
                    .setSchemaName(identity.substring(0, identity.indexOf('.'))).setObjectIdentity(identity)
                    .setPreviousIdentity(previousIdentity).build());
            return this;
        }

        Builder dropped(String objectType, String identity, boolean original) {
            boolean subObject = objectType.equals("table column") || identity.contains(" on ");
            String qualified = identity.contains(" on ") ? identity.substring(identity.indexOf(" on ") + 4) : identity;
            int dot = qualified.indexOf('.');
            dropped.add(DroppedObject.newBuilder().setObjectType(objectType)
                    .setSchemaName(qualified.substring(0, dot))
                    .setObjectName(subObject ? null : qualified.substring(dot + 1))
                    .setObjectIdentity(identity).setOriginal(original).build());
            return this;
        }

        Builder rewrite(String table, String... reasons) {
            rewrites.add(TableRewrite.newBuilder().setTable(table).setReasons(List.of(reasons)).build());
            return this;
        }

        Builder captureError(String error) {
            event.setCaptureError(error);
            return this;
        }

        SchemaChangeEvent build() {
            return event.setObjects(objects).setDroppedObjects(dropped).setRewrites(rewrites).setTables(tables)
                    .build();
        }
    }
}
