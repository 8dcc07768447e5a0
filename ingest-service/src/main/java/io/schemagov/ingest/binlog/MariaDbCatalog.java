package io.schemagov.ingest.binlog;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a MariaDB/MySQL table's structure and size from {@code information_schema}: what Debezium's schema
 * change event lacks (indexes, foreign keys, engine, collation, rows and bytes). Read when the event is
 * processed, so it shows the table as it is then, which under lag may already include a later change.
 */
public final class MariaDbCatalog {

    private static final long INNODB_PAGE = 16_384;

    /** The table, or empty when it does not exist (any more). */
    public Optional<TableSnapshot> table(Connection connection, String schema, String table) throws SQLException {
        TableSnapshot.Builder snapshot;
        String collation;
        try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_TYPE, ENGINE, TABLE_ROWS, "
                + "DATA_LENGTH, INDEX_LENGTH, TABLE_COLLATION, CREATE_OPTIONS FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long rows = rs.getObject(3) == null ? -1 : rs.getLong(3);
                long data = rs.getLong(4);
                collation = rs.getString(6);
                String options = rs.getString(7);
                snapshot = TableSnapshot.newBuilder()
                        .setSchemaName(schema)
                        .setTableName(table)
                        .setKind(kind(rs.getString(1), options))
                        .setEngine(rs.getString(2))
                        .setCollation(collation)
                        .setCreateOptions(options == null || options.isBlank() ? null : options.strip())
                        .setEstimatedRows(rows)
                        .setPages(data / INNODB_PAGE)
                        .setSizeBytes(data)
                        .setTotalBytes(data + rs.getLong(5));
            }
        }
        snapshot.setColumns(columns(connection, schema, table, collation));
        snapshot.setConstraints(MariaDbConstraints.read(connection, schema, table));
        snapshot.setIndexes(indexes(connection, schema, table));
        return Optional.of(snapshot.build());
    }

    /** Names of the base tables of a database, in name order. */
    public List<String> tableNames(Connection connection, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static String kind(String tableType, String options) {
        if ("VIEW".equals(tableType)) {
            return "view";
        }
        if ("SEQUENCE".equals(tableType)) {
            return "sequence";
        }
        return options != null && options.contains("partitioned") ? "partitioned table" : "table";
    }

    private static List<ColumnSnapshot> columns(Connection connection, String schema, String table, String tableCollation)
            throws SQLException {
        List<ColumnSnapshot> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, "
                + "IS_NULLABLE, COLUMN_DEFAULT, EXTRA, DATA_TYPE, CHARACTER_SET_NAME, COLLATION_NAME "
                + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String extra = rs.getString(6) == null ? "" : rs.getString(6).toUpperCase(java.util.Locale.ROOT);
                    String defaultValue = rs.getString(5);
                    columns.add(new ColumnSnapshot(rs.getString(1), rs.getInt(2),
                            ColumnTypes.dataType(rs.getString(3), rs.getString(8), rs.getString(9), tableCollation),
                            "NO".equals(rs.getString(4)),
                            "NULL".equalsIgnoreCase(defaultValue) ? null : defaultValue,
                            extra.contains("AUTO_INCREMENT") ? "AUTO_INCREMENT" : null,
                            extra.contains("STORED GENERATED") || extra.contains("PERSISTENT") ? "STORED"
                                    : extra.contains("VIRTUAL") ? "VIRTUAL" : null,
                            ColumnTypes.category(rs.getString(7))));
                }
            }
        }
        return columns;
    }

    private static List<IndexSnapshot> indexes(Connection connection, String schema, String table) throws SQLException {
        List<IndexSnapshot> indexes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM information_schema.STATISTICS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                IndexDraft draft = null;
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (draft == null || !draft.name.equals(name)) {
                        if (draft != null) {
                            indexes.add(draft.build(schema, table));
                        }
                        draft = new IndexDraft(name, rs.getInt("NON_UNIQUE") == 0, rs.getString("INDEX_TYPE"),
                                hidden(rs));
                    }
                    String column = rs.getString("COLUMN_NAME");
                    Object part = rs.getObject("SUB_PART");
                    draft.columns.add(column == null ? "(expression)" : part == null ? column : column + "(" + part + ")");
                }
                if (draft != null) {
                    indexes.add(draft.build(schema, table));
                }
            }
        }
        return indexes;
    }

    /** MariaDB's IGNORED or MySQL's invisible index: kept up to date, never used by the optimizer. */
    private static boolean hidden(ResultSet rs) throws SQLException {
        java.sql.ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = meta.getColumnLabel(i);
            if ("IGNORED".equalsIgnoreCase(label)) {
                return "YES".equalsIgnoreCase(rs.getString(i));
            }
            if ("IS_VISIBLE".equalsIgnoreCase(label)) {
                return "NO".equalsIgnoreCase(rs.getString(i));
            }
        }
        return false;
    }

    private static final class IndexDraft {
        final String name;
        final boolean unique;
        final String type;
        final boolean hidden;
        final List<String> columns = new ArrayList<>();

        IndexDraft(String name, boolean unique, String type, boolean hidden) {
            this.name = name;
            this.unique = unique;
            this.type = type;
            this.hidden = hidden;
        }

        IndexSnapshot build(String schema, String table) {
            boolean primary = "PRIMARY".equals(name);
            String keyword = primary ? "PRIMARY KEY" : unique ? "UNIQUE INDEX `" + name + "`" : "INDEX `" + name + "`";
            String definition = keyword + " ON `" + schema + "`.`" + table + "` USING " + type + " ("
                    + String.join(", ", columns) + ")" + (hidden ? " IGNORED" : "");
            return new IndexSnapshot(name, definition, true, unique, primary, List.copyOf(columns), null);
        }
    }
}
