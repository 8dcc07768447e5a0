package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The character sets a MariaDB/MySQL table and its columns use, as the snapshot records them. */
final class MysqlCharsets {

    private static final Pattern COLUMN_CHARSET = Pattern.compile("CHARACTER SET (\\w+)(?: COLLATE (\\w+))?",
            Pattern.CASE_INSENSITIVE);

    private MysqlCharsets() {
    }

    /** The character set a collation belongs to: {@code utf8mb4} of {@code utf8mb4_general_ci}. */
    static String charsetOf(String collation) {
        String lower = collation.toLowerCase(Locale.ROOT);
        int underscore = lower.indexOf('_');
        return underscore < 0 ? lower : lower.substring(0, underscore);
    }

    static boolean isUtf8mb3(String charset) {
        return charset.equals("utf8") || charset.equals("utf8mb3");
    }

    /** {@code table default utf8mb3_general_ci} and {@code column note latin1} for each part whose charset matches. */
    static List<String> using(TableSnapshot table, java.util.function.Predicate<String> charset) {
        List<String> parts = new ArrayList<>();
        if (table.getCollation() != null && charset.test(charsetOf(table.getCollation()))) {
            parts.add("table default " + table.getCollation());
        }
        for (ColumnSnapshot column : table.getColumns()) {
            Matcher m = COLUMN_CHARSET.matcher(column.getDataType());
            if (m.find() && charset.test(m.group(1).toLowerCase(Locale.ROOT))) {
                parts.add("column " + column.getName() + " " + (m.group(2) == null ? m.group(1) : m.group(2)));
            }
        }
        return parts;
    }
}
