package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flags a MODIFY or CHANGE of an ENUM or SET column: its list of values changed. */
final class MysqlEnumOrSetChangedRule extends MysqlChangeRule {

    static final String ID = "mysql-enum-or-set-changed";

    private static final Pattern REDEFINED = Pattern.compile("\\b(?:MODIFY|CHANGE)(?: COLUMN)? `?([A-Z0-9_$]+)`?");

    private static final RuleInfo INFO = new RuleInfo(ID, "ENUM or SET values changed", Severity.MEDIUM,
            RuleScope.CHANGE,
            "An ENUM or SET stores each value as its position in the list. Appending values at the end is a "
                    + "metadata change; inserting, reordering or removing values rebuilds the table and remaps "
                    + "stored data, so a removed value silently becomes '' (or the statement fails in strict "
                    + "mode), and every application that knows the list must be deployed in step.",
            "Only append new values at the end of the list, with ALGORITHM=INSTANT; to remove or rename values, "
                    + "migrate the rows first and check none use the old value. For lists that change often, use "
                    + "a lookup table with a foreign key instead of an ENUM.",
            "ALTER TABLE orders MODIFY COLUMN status enum('new','paid','cancelled') NOT NULL;",
            "ALTER TABLE orders MODIFY COLUMN note varchar(300);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Optional<String> problem(String statement, TableSnapshot table, RuleSettings settings) {
        Matcher redefined = REDEFINED.matcher(statement);
        while (redefined.find()) {
            String name = redefined.group(1);
            Optional<ColumnSnapshot> column = table.getColumns().stream()
                    .filter(c -> c.getName().equalsIgnoreCase(name)).findFirst();
            String type = column.map(c -> c.getDataType().toLowerCase(Locale.ROOT)).orElse("");
            if (type.startsWith("enum(") || type.startsWith("set(")) {
                return Optional.of("the values of " + Names.of(table) + "." + column.get().getName() + " changed to "
                        + column.get().getDataType() + "; anything but appending rebuilds the table and remaps "
                        + "stored values");
            }
        }
        return Optional.empty();
    }

    @Override
    Severity severity(TableSnapshot table, RuleSettings settings) {
        return Severity.MEDIUM;
    }
}
