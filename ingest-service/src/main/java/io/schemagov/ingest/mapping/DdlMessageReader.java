package io.schemagov.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemagov.model.Actor;
import io.schemagov.model.AffectedObject;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.DroppedObject;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourcePosition;
import io.schemagov.model.TableRewrite;
import io.schemagov.model.TableSnapshot;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the JSON that the capture's event trigger put into a logical decoding message and
 * turns it into a {@link SchemaChangeEvent}.
 */
final class DdlMessageReader {

    private final ObjectMapper json = new ObjectMapper();

    SchemaChangeEvent read(byte[] content, SourcePosition position) throws IOException {
        JsonNode root = json.readTree(content);
        if (root == null || !root.isObject() || !root.hasNonNull("commandTag")) {
            throw new IOException("not a capture message: no commandTag");
        }
        String commandTag = root.get("commandTag").asText();
        List<AffectedObject> objects = list(root.get("objects"), DdlMessageReader::affectedObject);
        List<DroppedObject> dropped = list(root.get("dropped"), DdlMessageReader::droppedObject);
        List<TableSnapshot> tables = list(root.get("tables"), DdlMessageReader::table);
        if (position.getTransactionId() == null && root.hasNonNull("transactionId")) {
            position.setTransactionId(root.get("transactionId").asLong());
        }
        SchemaChangeEvent.Builder event = SchemaChangeEvent.newBuilder()
                .setSource(position)
                .setKind("BASELINE".equals(commandTag) ? ChangeKind.BASELINE : ChangeKind.DDL)
                .setCommandTag(commandTag)
                .setStatement(text(root, "statement"))
                .setActor(Actor.newBuilder()
                        .setRole(text(root, "role"))
                        .setSessionRole(text(root, "sessionRole"))
                        .setApplication(text(root, "application"))
                        .setClientAddress(text(root, "clientAddress"))
                        .build())
                .setObjects(objects)
                .setDroppedObjects(dropped)
                .setRewrites(list(root.get("rewrites"), node -> new TableRewrite(node.path("table").asText(),
                        list(node.get("reasons"), JsonNode::asText))))
                .setLockTimeoutMs(longOrNull(root, "lockTimeoutMs"))
                .setStatementTimeoutMs(longOrNull(root, "statementTimeoutMs"))
                .setInTransactionBlock(root.path("inTransactionBlock").asBoolean(false))
                .setTables(tables)
                .setEventTime(Instant.ofEpochMilli(root.path("eventTime").asLong(System.currentTimeMillis())))
                .setCaptureError(text(root, "captureError"));
        MainObject.of(commandTag, objects, dropped, tables).applyTo(event);
        return event.build();
    }

    /** The object an event is mainly about: what the command named, else what it dropped, else its table. */
    private record MainObject(String type, String schema, String identity) {

        static MainObject of(String commandTag, List<AffectedObject> objects, List<DroppedObject> dropped, List<TableSnapshot> tables) {
            for (AffectedObject object : objects) {
                if (object.getCommandTag().equals(commandTag)) {
                    return new MainObject(object.getObjectType(), object.getSchemaName(), object.getObjectIdentity());
                }
            }
            for (DroppedObject object : dropped) {
                if (object.getOriginal()) {
                    return new MainObject(object.getObjectType(), object.getSchemaName(), object.getObjectIdentity());
                }
            }
            if (!objects.isEmpty()) {
                AffectedObject first = objects.get(0);
                return new MainObject(first.getObjectType(), first.getSchemaName(), first.getObjectIdentity());
            }
            if (!tables.isEmpty()) {
                TableSnapshot table = tables.get(0);
                return new MainObject("table", table.getSchemaName(), table.getSchemaName() + "." + table.getTableName());
            }
            return new MainObject(null, null, null);
        }

        void applyTo(SchemaChangeEvent.Builder event) {
            event.setObjectType(type).setSchemaName(schema).setObjectIdentity(identity);
        }
    }

    private static AffectedObject affectedObject(JsonNode node) {
        return new AffectedObject(node.path("commandTag").asText(), node.path("objectType").asText(),
                text(node, "schemaName"), node.path("objectIdentity").asText(), null);
    }

    private static DroppedObject droppedObject(JsonNode node) {
        return new DroppedObject(node.path("objectType").asText(), text(node, "schemaName"), text(node, "objectName"),
                node.path("objectIdentity").asText(), node.path("original").asBoolean(false));
    }

    private static TableSnapshot table(JsonNode node) {
        return TableSnapshot.newBuilder()
                .setSchemaName(node.path("schemaName").asText())
                .setTableName(node.path("tableName").asText())
                .setKind(node.path("kind").asText("table"))
                .setColumns(list(node.get("columns"), column -> new ColumnSnapshot(column.path("name").asText(),
                        column.path("position").asInt(), column.path("dataType").asText(), column.path("notNull").asBoolean(),
                        text(column, "defaultExpression"), text(column, "identity"), text(column, "generated"),
                        text(column, "typeCategory"))))
                .setConstraints(list(node.get("constraints"), DdlMessageReader::constraint))
                .setIndexes(list(node.get("indexes"), index -> new IndexSnapshot(index.path("name").asText(),
                        index.path("definition").asText(), index.path("valid").asBoolean(true), index.path("unique").asBoolean(),
                        index.path("primary").asBoolean(), list(index.get("columns"), JsonNode::asText), text(index, "predicate"))))
                .setEstimatedRows(node.path("estimatedRows").asLong(-1))
                .setPages(node.path("pages").asLong(0))
                .setSizeBytes(node.path("sizeBytes").asLong(0))
                .setTotalBytes(node.path("totalBytes").asLong(0))
                .setRowSecurity(node.path("rowSecurity").asBoolean(false))
                .build();
    }

    private static ConstraintSnapshot constraint(JsonNode node) {
        ConstraintType type;
        try {
            type = ConstraintType.valueOf(node.path("type").asText("OTHER"));
        } catch (IllegalArgumentException e) {
            type = ConstraintType.OTHER;
        }
        return new ConstraintSnapshot(node.path("name").asText(), type, node.path("definition").asText(),
                node.path("validated").asBoolean(true), list(node.get("columns"), JsonNode::asText),
                text(node, "referencedTable"), list(node.get("referencedColumns"), JsonNode::asText),
                list(node.get("referencedColumnTypes"), JsonNode::asText));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> items.add(item.apply(node)));
        }
        return items;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long longOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }
}
