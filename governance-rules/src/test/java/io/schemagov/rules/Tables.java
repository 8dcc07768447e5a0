package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Builds TableSnapshots for tests in a line or two; a new table is empty and has no columns. */
final class Tables {

    static final long GB = 1024L * 1024 * 1024;

    private Tables() {
    }

    /** A table named {@code schema.table}. */
    static Builder table(String qualified) {
        int dot = qualified.indexOf('.');
        return new Builder(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    static final class Builder {
        private final String schema;
        private final String name;
        private String kind = "table";
        private long rows = -1;
        private long bytes;
        private final List<ColumnSnapshot> columns = new ArrayList<>();
        private final List<ConstraintSnapshot> constraints = new ArrayList<>();
        private final List<IndexSnapshot> indexes = new ArrayList<>();

        private Builder(String schema, String name) {
            this.schema = schema;
            this.name = name;
        }

        Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        Builder partitioned() {
            return kind("partitioned table");
        }

        /** The planner's row estimate and the heap size. */
        Builder size(long rows, long bytes) {
            this.rows = rows;
            this.bytes = bytes;
            return this;
        }

        Builder column(String column, String dataType) {
            return column(column, dataType, false);
        }

        Builder column(String column, String dataType, boolean notNull) {
            columns.add(ColumnSnapshot.newBuilder().setName(column).setPosition(columns.size() + 1)
                    .setDataType(dataType).setNotNull(notNull).build());
            return this;
        }

        /** A primary key constraint and its index {@code <table>_pkey}. */
        Builder primaryKey(String... keyColumns) {
            String pkey = name + "_pkey";
            constraints.add(constraint(pkey, ConstraintType.PRIMARY_KEY, "PRIMARY KEY", keyColumns).build());
            indexes.add(index(pkey, true, true, null, keyColumns).setPrimary(true).build());
            return this;
        }

        Builder foreignKey(String constraint, String referencedTable, String... fkColumns) {
            constraints.add(constraint(constraint, ConstraintType.FOREIGN_KEY, "FOREIGN KEY", fkColumns)
                    .setReferencedTable(referencedTable).setReferencedColumns(List.of("id")).build());
            return this;
        }

        Builder unique(String constraint, String... keyColumns) {
            constraints.add(constraint(constraint, ConstraintType.UNIQUE, "UNIQUE", keyColumns).build());
            indexes.add(index(constraint, true, true, null, keyColumns).build());
            return this;
        }

        Builder index(String index, String... keyColumns) {
            indexes.add(index(index, true, false, null, keyColumns).build());
            return this;
        }

        /** An index left INVALID, as by a failed CREATE INDEX CONCURRENTLY. */
        Builder invalidIndex(String index, String... keyColumns) {
            indexes.add(index(index, false, false, null, keyColumns).build());
            return this;
        }

        Builder partialIndex(String index, String predicate, String... keyColumns) {
            indexes.add(index(index, true, false, predicate, keyColumns).build());
            return this;
        }

        TableSnapshot build() {
            return TableSnapshot.newBuilder().setSchemaName(schema).setTableName(name).setKind(kind)
                    .setColumns(columns).setConstraints(constraints).setIndexes(indexes)
                    .setEstimatedRows(rows).setPages(bytes / 8192).setSizeBytes(bytes).setTotalBytes(bytes * 2)
                    .build();
        }

        private ConstraintSnapshot.Builder constraint(String constraint, ConstraintType type, String keyword,
                String... keyColumns) {
            return ConstraintSnapshot.newBuilder().setName(constraint).setType(type)
                    .setDefinition(keyword + " (" + String.join(", ", keyColumns) + ")")
                    .setColumns(List.of(keyColumns));
        }

        private IndexSnapshot.Builder index(String index, boolean valid, boolean unique, String predicate,
                String... keyColumns) {
            return IndexSnapshot.newBuilder().setName(index).setValid(valid).setUnique(unique).setPrimary(false)
                    .setColumns(List.of(keyColumns)).setPredicate(predicate)
                    .setDefinition("CREATE INDEX " + index + " ON " + schema + "." + name + " USING btree ("
                            + String.join(", ", keyColumns) + ")");
        }
    }
}
