package io.schemagov.ingest.binlog;

import java.util.Locale;
import java.util.Set;

/** How a MariaDB/MySQL column type is written into a snapshot, and its PostgreSQL-style type category. */
final class ColumnTypes {

    private static final Set<String> NUMERIC = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint",
            "decimal", "numeric", "float", "double", "real", "bit");
    private static final Set<String> STRING = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext");
    private static final Set<String> TIME = Set.of("date", "time", "datetime", "timestamp", "year");
    private static final Set<String> ENUMERATED = Set.of("enum", "set");

    private ColumnTypes() {
    }

    /**
     * The column type as SHOW CREATE TABLE writes it: {@code COLUMN_TYPE}, with the character set and collation
     * when they differ from the table's default.
     */
    static String dataType(String columnType, String charset, String collation, String tableCollation) {
        if (collation == null || collation.equals(tableCollation)) {
            return columnType;
        }
        return columnType + " CHARACTER SET " + charset + " COLLATE " + collation;
    }

    /** N numeric, S string, D date/time, E enum or set, X anything else (binary, spatial, JSON...). */
    static String category(String dataType) {
        String type = dataType == null ? "" : dataType.toLowerCase(Locale.ROOT);
        if (NUMERIC.contains(type)) {
            return "N";
        }
        if (STRING.contains(type)) {
            return "S";
        }
        if (TIME.contains(type)) {
            return "D";
        }
        return ENUMERATED.contains(type) ? "E" : "X";
    }
}
