package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags tables and columns named with an SQL reserved word such as user, order or group. */
final class ReservedWordNameRule implements TableRule {

    static final String ID = "reserved-word-name";

    private static final RuleInfo INFO = new RuleInfo(ID, "Name is a reserved word", Severity.LOW,
            RuleScope.TABLE_STATE,
            "A table or column named with a reserved word (user, order, group, check, default, limit, ...) can "
                    + "only be used double-quoted; unquoted, the query is a syntax error or, worse, means something "
                    + "else: SELECT * FROM user returns the current role's name, not the table. Every hand-written "
                    + "query, tool and ORM that does not quote consistently trips over it.",
            "Rename to a descriptive non-reserved name (users, app_user, sort_order, user_group, created_by) "
                    + "using expand and contract, since renaming breaks clients that use the current name: a view "
                    + "under the old name for tables, both columns kept in step for a release for columns.",
            "CREATE TABLE \"user\" (id bigint PRIMARY KEY, \"order\" integer NOT NULL);",
            "CREATE TABLE app_user (id bigint PRIMARY KEY, sort_order integer NOT NULL);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable()) {
            return Optional.empty();
        }
        List<String> reserved = new ArrayList<>();
        if (ReservedWords.isReserved(table.getTableName())) {
            reserved.add("table " + table.getTableName());
        }
        List<String> columns = new ArrayList<>();
        for (ColumnSnapshot column : table.getColumns()) {
            if (ReservedWords.isReserved(column.getName())) {
                columns.add(column.getName());
            }
        }
        if (!columns.isEmpty()) {
            reserved.add((columns.size() == 1 ? "column " : "columns ") + String.join(", ", columns));
        }
        if (reserved.isEmpty()) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        String message = name + " uses reserved words as names, which work only double-quoted: "
                + String.join("; ", reserved);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }
}
