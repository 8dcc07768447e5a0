package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags table and column names that are not lower snake_case, which must then be double-quoted everywhere. */
final class NameNotSnakeCaseRule implements TableRule {

    static final String ID = "name-not-snake-case";

    /** What {@code [a-z][a-z0-9_]*} matches, as a loop: the rule reads every column of every table. */
    static boolean isSnakeCase(String name) {
        if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static final RuleInfo INFO = new RuleInfo(ID, "Name not in snake_case", Severity.LOW,
            RuleScope.TABLE_STATE,
            "PostgreSQL folds unquoted names to lower case, so a table created as \"OrderLines\" or a column "
                    + "\"firstName\" or \"unit price\" can only be reached by quoting it exactly, in every query, "
                    + "tool and ORM mapping; SELECT firstName fails with \"column firstname does not exist\". Mixed "
                    + "conventions also make names hard to guess.",
            "Use lower-case snake_case names: letters, digits and underscores, starting with a letter. Renaming "
                    + "breaks clients that use the current name, so rename with expand and contract (a view or both "
                    + "names for a release), or keep the name where changing it is not worth the migration.",
            "CREATE TABLE payments (id bigint PRIMARY KEY, \"customerId\" bigint NOT NULL);",
            "CREATE TABLE payments (id bigint PRIMARY KEY, customer_id bigint NOT NULL);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable()) {
            return Optional.empty();
        }
        List<String> offending = new ArrayList<>();
        if (!isSnakeCase(table.getTableName())) {
            offending.add("table \"" + table.getTableName() + "\"");
        }
        List<String> columns = new ArrayList<>();
        for (ColumnSnapshot column : table.getColumns()) {
            if (!isSnakeCase(column.getName())) {
                columns.add('"' + column.getName() + '"');
            }
        }
        if (!columns.isEmpty()) {
            offending.add((columns.size() == 1 ? "column " : "columns ") + String.join(", ", columns));
        }
        if (offending.isEmpty()) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        String message = name + " has names that are not lower snake_case (capitals, spaces and other "
                + "characters must be double-quoted in every query): " + String.join("; ", offending);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }
}
