package io.schemagov.ingest.mapping;

import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.Operation;
import io.schemagov.model.SourcePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
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
        String schema = source.getString("schema");
        String table = source.getString("table");
        List<String> masked = new ArrayList<>();
        Map<String, String> before = row(value.getStruct("before"), schema, table, masked);
        Map<String, String> after = row(value.getStruct("after"), schema, table, masked);
        Long ts = source.getInt64("ts_ms");
        return DataChangeEvent.newBuilder()
                .setSource(position)
                .setSchemaName(schema)
                .setTableName(table)
                .setOperation(operation(value.getString("op")))
                .setKey(key == null ? Map.of() : row(key, schema, table, new ArrayList<>()))
                .setBefore(before)
                .setAfter(after)
                .setMaskedColumns(masked.stream().distinct().toList())
                .setEventTime(ts == null ? Instant.now() : Instant.ofEpochMilli(ts))
                .build();
    }

    private Map<String, String> row(Struct row, String schema, String table, List<String> masked) {
        if (row == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : row.schema().fields()) {
            String text = ValueFormatter.format(field.schema(), row.get(field));
            if (masking.isSensitive(schema, table, field.name())) {
                text = masking.mask(text);
                masked.add(field.name());
            }
            values.put(field.name(), text);
        }
        return values;
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
