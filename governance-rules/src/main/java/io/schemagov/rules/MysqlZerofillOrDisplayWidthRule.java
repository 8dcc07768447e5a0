package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flags ZEROFILL and integer display widths other than the server's defaults. */
final class MysqlZerofillOrDisplayWidthRule implements TableRule {

    static final String ID = "mysql-zerofill-or-display-width";

    private static final Pattern INTEGER = Pattern.compile("^(tinyint|smallint|mediumint|int|integer|bigint)\\((\\d+)\\)(.*)$");
    /** The widths MariaDB (and MySQL 5.7) print when none was asked for: signed, then unsigned. */
    private static final Map<String, int[]> DEFAULT_WIDTHS = Map.of("tinyint", new int[] {4, 3},
            "smallint", new int[] {6, 5}, "mediumint", new int[] {9, 8}, "int", new int[] {11, 10},
            "integer", new int[] {11, 10}, "bigint", new int[] {20, 20});

    private static final RuleInfo INFO = new RuleInfo(ID, "ZEROFILL or integer display width", Severity.LOW,
            RuleScope.TABLE_STATE,
            "An integer's display width (int(5)) limits nothing: int(5) still stores up to 2147483647, which "
                    + "misleads whoever reads the schema. ZEROFILL pads values with zeros only in some clients, "
                    + "implies UNSIGNED, and MySQL 8.0.17 deprecated both; codes with leading zeros are strings.",
            "Declare plain integer types (int, bigint) and format numbers in the application; store codes whose "
                    + "leading zeros matter (postcodes, account numbers) as char/varchar with a CHECK constraint. "
                    + "tinyint(1) for booleans is fine.",
            "CREATE TABLE invoices (id bigint PRIMARY KEY, number int(8) unsigned zerofill NOT NULL);",
            "CREATE TABLE invoices (id bigint PRIMARY KEY, number char(8) NOT NULL);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!MysqlRules.isMysql(table) || !EventTables.isTable(table)) {
            return Optional.empty();
        }
        List<String> flagged = new ArrayList<>();
        for (ColumnSnapshot column : table.getColumns()) {
            String type = column.getDataType().toLowerCase(Locale.ROOT);
            if (type.contains("zerofill") || customWidth(type)) {
                flagged.add(column.getName() + " " + column.getDataType());
            }
        }
        if (flagged.isEmpty()) {
            return Optional.empty();
        }
        String name = Names.of(table);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, name
                + " declares display widths or ZEROFILL, which limit nothing: " + String.join(", ", flagged)));
    }

    private static boolean customWidth(String type) {
        Matcher m = INTEGER.matcher(type);
        if (!m.matches()) {
            return false;
        }
        int width = Integer.parseInt(m.group(2));
        if (m.group(1).equals("tinyint") && width == 1) {
            return false; // the conventional boolean
        }
        int[] defaults = DEFAULT_WIDTHS.get(m.group(1));
        return width != defaults[m.group(3).contains("unsigned") ? 1 : 0];
    }
}
