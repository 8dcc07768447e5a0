package io.schemagov.ingest.binlog;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.connect.data.Struct;

/**
 * A table snapshot from the structure Debezium's schema change carries (columns and primary key only), for when
 * information_schema cannot tell: the table was dropped or renamed again before the change was processed.
 */
final class DebeziumTables {

    private DebeziumTables() {
    }

    static TableSnapshot snapshot(TableId id, Struct table) {
        List<ColumnSnapshot> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        if (table != null) {
            for (Struct column : table.<Struct>getArray("columns")) {
                columns.add(new ColumnSnapshot(column.getString("name"), column.getInt32("position"), type(column),
                        !column.getBoolean("optional"), column.getString("defaultValueExpression"),
                        Boolean.TRUE.equals(column.getBoolean("autoIncremented")) ? "AUTO_INCREMENT" : null,
                        Boolean.TRUE.equals(column.getBoolean("generated")) ? "VIRTUAL" : null,
                        ColumnTypes.category(column.getString("typeName"))));
            }
            if (table.getArray("primaryKeyColumnNames") != null) {
                primaryKey.addAll(table.<String>getArray("primaryKeyColumnNames"));
            }
        }
        List<ConstraintSnapshot> constraints = primaryKey.isEmpty() ? List.of() : List.of(new ConstraintSnapshot("PRIMARY",
                ConstraintType.PRIMARY_KEY, "PRIMARY KEY (" + String.join(", ", primaryKey) + ")", true,
                List.copyOf(primaryKey), null, List.of(), List.of()));
        return TableSnapshot.newBuilder()
                .setSchemaName(id.schema())
                .setTableName(id.table())
                .setColumns(columns)
                .setConstraints(constraints)
                .setIndexes(List.of())
                .setEstimatedRows(-1)
                .setPages(0)
                .setSizeBytes(0)
                .setTotalBytes(0)
                .build();
    }

    private static String type(Struct column) {
        String name = column.getString("typeName").toLowerCase(Locale.ROOT);
        Integer length = column.getInt32("length");
        Integer scale = column.getInt32("scale");
        if (length == null) {
            return name;
        }
        return name + "(" + length + (scale == null ? "" : "," + scale) + ")";
    }
}
