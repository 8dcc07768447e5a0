package io.schemagov.ingest.binlog;

import io.schemagov.model.Actor;
import io.schemagov.model.AffectedObject;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourcePosition;
import io.schemagov.model.TableSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.connect.data.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Debezium's MariaDB/MySQL schema change records into {@link SchemaChangeEvent}s shaped like PostgreSQL's:
 * the command tag and the renamed or indexed object from the DDL text ({@link BinlogDdl}), the table's structure
 * and size from {@code information_schema} ({@link MariaDbCatalog}). The schema-only snapshot Debezium takes at
 * first connect becomes the baseline: one BASELINE event per table.
 */
public final class BinlogSchemaChanges implements AutoCloseable {

    /** Opens a connection to the source. */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(BinlogSchemaChanges.class);

    private final Connector connector;
    private final MariaDbCatalog catalog = new MariaDbCatalog();
    private Connection connection;

    public BinlogSchemaChanges(Connector connector) {
        this.connector = connector;
    }

    /** Whether a Debezium record value is a binlog schema change. */
    public static boolean isSchemaChange(Struct value) {
        return value.schema().field("ddl") != null && value.schema().field("tableChanges") != null;
    }

    /** The event, or empty for what is not a change to govern (a SET statement, the snapshot's own bookkeeping). */
    public Optional<SchemaChangeEvent> read(Struct value, SourcePosition position) {
        String ddl = value.getString("ddl");
        String database = value.getString("databaseName");
        Struct source = value.getStruct("source");
        List<Struct> changes = value.getArray("tableChanges") == null ? List.of() : value.<Struct>getArray("tableChanges");
        BinlogDdl parsed = BinlogDdl.parse(ddl, database);
        if (isSnapshot(source)) {
            return "CREATE TABLE".equals(parsed.commandTag()) && !changes.isEmpty()
                    ? Optional.of(baseline(value, position, changes.get(0))) : Optional.empty();
        }
        if (parsed.commandTag().startsWith("SET") || parsed.commandTag().startsWith("USE")) {
            return Optional.empty();
        }
        return Optional.of(change(value, position, parsed, changes));
    }

    private SchemaChangeEvent baseline(Struct value, SourcePosition position, Struct change) {
        TableId id = TableId.parse(change.getString("id"));
        position.setPosition(position.getPosition() + "/baseline/" + id.qualified());
        List<String> errors = new ArrayList<>();
        TableSnapshot table = snapshot(id, change, errors);
        return event(value, position, "BASELINE", errors)
                .setKind(ChangeKind.BASELINE)
                .setObjectType("table").setSchemaName(id.schema()).setObjectIdentity(id.qualified())
                .setTables(table == null ? List.of() : List.of(table))
                .build();
    }

    private SchemaChangeEvent change(Struct value, SourcePosition position, BinlogDdl parsed, List<Struct> changes) {
        List<String> errors = new ArrayList<>();
        if (parsed.parseError() != null && value.getString("ddl").toUpperCase(Locale.ROOT).contains("RENAME")) {
            errors.add("DDL " + parsed.parseError() + "; the old name of a renamed table is unknown");
        }
        List<AffectedObject> objects = new ArrayList<>();
        List<DroppedObject> dropped = new ArrayList<>();
        List<TableSnapshot> tables = new ArrayList<>();
        for (Struct change : changes) {
            TableId id = TableId.parse(change.getString("id"));
            if ("DROP".equals(change.getString("type"))) {
                dropped.add(new DroppedObject("table", id.schema(), id.table(), id.qualified(), true));
                continue;
            }
            objects.add(new AffectedObject(parsed.commandTag(), "table", id.schema(), id.qualified(),
                    parsed.renames().get(id.qualified())));
            TableSnapshot table = snapshot(id, change, errors);
            if (table != null) {
                tables.add(table);
            }
        }
        if (changes.isEmpty()) {
            // Debezium leaves out tables it does not capture (CREATE INDEX on one, say): the DDL text names them.
            for (String name : parsed.tables()) {
                TableId id = TableId.parse(name);
                if ("DROP TABLE".equals(parsed.commandTag())) {
                    dropped.add(new DroppedObject("table", id.schema(), id.table(), id.qualified(), true));
                    continue;
                }
                objects.add(new AffectedObject(parsed.commandTag(), "table", id.schema(), id.qualified(),
                        parsed.renames().get(id.qualified())));
                TableSnapshot table = snapshot(id, null, errors);
                if (table != null) {
                    tables.add(table);
                }
            }
        }
        alterParts(parsed, objects, dropped);
        if (changes.size() == 1) {
            // One statement may make several records (DROP TABLE a, b): tell them apart by the table.
            position.setPosition(position.getPosition() + "/" + TableId.parse(changes.get(0).getString("id")).qualified());
        }
        SchemaChangeEvent.Builder event = event(value, position, parsed.commandTag(), errors)
                .setKind(ChangeKind.DDL).setObjects(objects).setDroppedObjects(dropped).setTables(tables);
        mainObject(event, parsed, objects, dropped, value.getString("databaseName"));
        return event.build();
    }

    /**
     * The columns and foreign keys an ALTER TABLE dropped, and the columns it renamed, named as PostgreSQL's capture
     * names them ({@code db.table.column}, {@code key on db.table}): the structure after the change cannot show them.
     */
    private static void alterParts(BinlogDdl parsed, List<AffectedObject> objects, List<DroppedObject> dropped) {
        if (parsed.tables().isEmpty() || parsed.alter() == AlterParts.NONE) {
            return;
        }
        TableId table = TableId.parse(parsed.tables().get(0));
        AlterParts alter = parsed.alter();
        for (String column : alter.droppedColumns()) {
            dropped.add(new DroppedObject("table column", table.schema(), null, table.qualified() + "." + column, true));
        }
        for (String key : alter.droppedForeignKeys()) {
            dropped.add(new DroppedObject("table constraint", table.schema(), null, key + " on " + table.qualified(),
                    true));
        }
        alter.renamedColumns().forEach((now, old) -> objects.add(new AffectedObject(parsed.commandTag(),
                "table column", table.schema(), table.qualified() + "." + now, table.qualified() + "." + old)));
    }

    private static void mainObject(SchemaChangeEvent.Builder event, BinlogDdl parsed, List<AffectedObject> objects,
                                   List<DroppedObject> dropped, String database) {
        if (parsed.indexName() != null && parsed.commandTag().endsWith("INDEX") && !objects.isEmpty()) {
            AffectedObject table = objects.get(0);
            event.setObjectType("index").setSchemaName(table.getSchemaName())
                    .setObjectIdentity(table.getSchemaName() + "." + parsed.indexName());
        } else if (!objects.isEmpty()) {
            event.setObjectType("table").setSchemaName(objects.get(0).getSchemaName())
                    .setObjectIdentity(objects.get(0).getObjectIdentity());
        } else if (!dropped.isEmpty()) {
            event.setObjectType("table").setSchemaName(dropped.get(0).getSchemaName())
                    .setObjectIdentity(dropped.get(0).getObjectIdentity());
        } else {
            event.setObjectType(parsed.objectType()).setSchemaName(database == null || database.isEmpty() ? null : database);
        }
    }

    private static SchemaChangeEvent.Builder event(Struct value, SourcePosition position, String commandTag, List<String> errors) {
        Long ts = value.getStruct("source").getInt64("ts_ms");
        return SchemaChangeEvent.newBuilder()
                .setSource(position)
                .setCommandTag(commandTag)
                .setStatement(value.getString("ddl"))
                .setActor(Actor.newBuilder().build())
                .setEventTime(Instant.ofEpochMilli(ts == null ? System.currentTimeMillis() : ts))
                .setCaptureError(errors.isEmpty() ? null : String.join("; ", errors));
    }

    /** The table from information_schema; from Debezium's own structure when it is gone or cannot be read. */
    private TableSnapshot snapshot(TableId id, Struct change, List<String> errors) {
        try {
            Optional<TableSnapshot> table = catalog.table(connection(), id.schema(), id.table());
            if (table.isPresent()) {
                return table.get();
            }
            errors.add("table " + id.qualified() + " no longer existed when the change was processed: its indexes, "
                    + "foreign keys and size are unknown");
        } catch (SQLException e) {
            closeConnection();
            log.warn("cannot read information_schema for {}: {}", id.qualified(), e.getMessage());
            errors.add("information_schema not read for " + id.qualified() + ": " + e.getMessage());
        }
        return change == null ? null : DebeziumTables.snapshot(id, change.getStruct("table"));
    }

    private static boolean isSnapshot(Struct source) {
        String snapshot = source.schema().field("snapshot") == null ? null : source.getString("snapshot");
        return snapshot != null && !"false".equals(snapshot);
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = connector.open();
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the catalog connection failed", e);
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeConnection();
    }
}
