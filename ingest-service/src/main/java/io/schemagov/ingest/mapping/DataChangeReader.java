package io.schemagov.ingest.mapping;

import io.schemagov.ingest.mapping.ColumnMasking.Action;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.Operation;
import io.schemagov.model.SourcePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Turns one Debezium row change into a {@link DataChangeEvent}, masking sensitive columns
 * on the way so their values never reach Kafka.
 */
final class DataChangeReader {

    private final ColumnMasking masking;

    DataChangeReader(ColumnMasking masking) {
        this.masking = masking;
    }

    DataChangeEvent read(Struct key, Struct value, SourcePosition position) {
        Struct source = value.getStruct("source");
        // MariaDB/MySQL have no schema below the database: their database is the schema.
        String schema = source.schema().field("schema") != null ? source.getString("schema") : source.getString("db");
        String table = source.getString("table");
        List<String> masked = new ArrayList<>();
        Map<String, String> before = row(value.getStruct("before"), schema, table, masked, false);
        Map<String, String> after = row(value.getStruct("after"), schema, table, masked, false);
        Long ts = source.getInt64("ts_ms");
        return DataChangeEvent.newBuilder()
                .setSource(position)
                .setSchemaName(schema)
                .setTableName(table)
                .setOperation(operation(value.getString("op")))
                .setKey(key == null ? Map.of() : row(key, schema, table, new ArrayList<>(), true))
                .setBefore(before)
                .setAfter(after)
                .setMaskedColumns(masked.stream().distinct().toList())
                .setEventTime(ts == null ? Instant.now() : Instant.ofEpochMilli(ts))
                .build();
    }

    /**
     * The row's values as text, protected as the masking decides. A key column is never dropped (the record would
     * lose its identity): it is masked or hashed instead.
     */
    private Map<String, String> row(Struct row, String schema, String table, List<String> masked, boolean key) {
        if (row == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : row.schema().fields()) {
            String text = ValueFormatter.format(field.schema(), row.get(field));
            Optional<Action> action = masking.actionFor(schema, table, field.name(), typeOf(field.schema()));
            if (action.isPresent()) {
                masked.add(field.name());
                if (action.get() == Action.DROP && !key) {
                    continue;
                }
                text = masking.protect(action.get() == Action.DROP ? Action.HASH : action.get(), text);
            }
            values.put(field.name(), text);
        }
        return values;
    }

    /** A type name the personal-data classifier understands, from what Kafka Connect tells of the column. */
    private static String typeOf(Schema schema) {
        if (schema.name() != null && schema.name().startsWith("io.debezium.time.")) {
            return "date";
        }
        return schema.type() == Schema.Type.STRING ? "text" : schema.type().getName();
    }

    private static Operation operation(String op) {
        return switch (op) {
            case "c" -> Operation.INSERT;
            case "u" -> Operation.UPDATE;
            case "d" -> Operation.DELETE;
            case "t" -> Operation.TRUNCATE;
            case "r" -> Operation.SNAPSHOT;
            default -> throw new IllegalArgumentException("unknown Debezium operation '" + op + "'");
        };
    }
}
