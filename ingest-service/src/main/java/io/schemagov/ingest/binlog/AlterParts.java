package io.schemagov.ingest.binlog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterExpression.ColumnDataType;
import net.sf.jsqlparser.statement.alter.AlterOperation;

/**
 * What a MariaDB/MySQL ALTER TABLE did that the table's structure after it no longer shows: the columns it
 * dropped, the foreign keys it dropped and the columns it renamed (RENAME COLUMN, or CHANGE under a new name).
 *
 * @param renamedColumns new column name to old column name
 */
record AlterParts(List<String> droppedColumns, List<String> droppedForeignKeys, Map<String, String> renamedColumns) {

    static final AlterParts NONE = new AlterParts(List.of(), List.of(), Map.of());

    /** JSqlParser does not know MySQL's {@code DROP FOREIGN KEY}; the same clause as DROP CONSTRAINT it parses. */
    private static final Pattern DROP_FOREIGN_KEY = Pattern.compile(
            "\\bDROP\\s+FOREIGN\\s+KEY\\s+(?:IF\\s+EXISTS\\s+)?(`(?:[^`]|``)+`|[\\w$]+)", Pattern.CASE_INSENSITIVE);

    AlterParts {
        droppedColumns = List.copyOf(droppedColumns);
        droppedForeignKeys = List.copyOf(droppedForeignKeys);
        renamedColumns = Map.copyOf(renamedColumns);
    }

    /** The foreign keys the statement drops, named as written but unquoted. */
    static List<String> foreignKeysDropped(String ddl) {
        List<String> names = new ArrayList<>();
        Matcher m = DROP_FOREIGN_KEY.matcher(ddl);
        while (m.find()) {
            names.add(BinlogDdl.unquote(m.group(1)));
        }
        return names;
    }

    /** The statement with each DROP FOREIGN KEY written as DROP CONSTRAINT, so that the parser reads the rest. */
    static String parsable(String ddl) {
        return DROP_FOREIGN_KEY.matcher(ddl).replaceAll("DROP CONSTRAINT $1");
    }

    /** The parts of the parsed ALTER's clauses; {@code foreignKeys} as {@link #foreignKeysDropped} found them. */
    static AlterParts of(List<AlterExpression> expressions, List<String> foreignKeys) {
        List<String> dropped = new ArrayList<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        for (AlterExpression expression : expressions) {
            AlterOperation operation = expression.getOperation();
            if (operation == AlterOperation.DROP && expression.getColumnName() != null) {
                dropped.add(BinlogDdl.unquote(expression.getColumnName()));
            } else if (operation == AlterOperation.RENAME && expression.getColumnOldName() != null
                    && expression.getColumnName() != null) {
                rename(renamed, expression.getColumnOldName(), expression.getColumnName());
            } else if (operation == AlterOperation.CHANGE && expression.getColumnOldName() != null
                    && expression.getColDataTypeList() != null && !expression.getColDataTypeList().isEmpty()) {
                ColumnDataType definition = expression.getColDataTypeList().get(0);
                rename(renamed, expression.getColumnOldName(), definition.getColumnName());
            }
        }
        return dropped.isEmpty() && foreignKeys.isEmpty() && renamed.isEmpty() ? NONE
                : new AlterParts(dropped, foreignKeys, renamed);
    }

    private static void rename(Map<String, String> renamed, String from, String to) {
        String old = BinlogDdl.unquote(from);
        String now = BinlogDdl.unquote(to);
        // CHANGE a a bigint keeps the name; MySQL names are case-insensitive.
        if (now != null && !now.equalsIgnoreCase(old)) {
            renamed.put(now, old);
        }
    }
}
