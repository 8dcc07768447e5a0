package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags names of exactly 63 bytes, the identifier limit: a longer name was most likely cut to it silently. */
final class IdentifierLengthLimitRule implements TableRule {

    static final String ID = "identifier-length-limit";

    /** NAMEDATALEN - 1 in a default PostgreSQL build. */
    static final int MAX_BYTES = 63;

    private static final RuleInfo INFO = new RuleInfo(ID, "Name at the 63-byte identifier limit", Severity.LOW,
            RuleScope.TABLE_STATE,
            "PostgreSQL truncates identifiers longer than 63 bytes (not characters: accented letters take two) "
                    + "with only a NOTICE, and shortens the names it generates for indexes and constraints to fit. "
                    + "A name of exactly 63 bytes was most likely cut: code or tools comparing the full name do not "
                    + "find it, and two long names that share their first 63 bytes collide (\"already exists\") or "
                    + "silently refer to the same object.",
            "Give the object a shorter, deliberate name (ALTER TABLE ... RENAME, ALTER INDEX ... RENAME TO, ALTER "
                    + "TABLE ... RENAME CONSTRAINT), and name indexes and constraints explicitly instead of relying "
                    + "on generated names for long table and column names. Renaming a table or column breaks "
                    + "clients using the current name; indexes and constraints are rarely named by clients.",
            "-- PostgreSQL silently truncates this column name to 63 bytes\n"
                    + "CREATE TABLE deliveries (id bigint PRIMARY KEY, "
                    + "preferred_delivery_window_start_in_the_local_time_zone_of_the_customer time);",
            "CREATE TABLE deliveries (id bigint PRIMARY KEY, window_start_local time);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable()) {
            return Optional.empty();
        }
        List<String> atLimit = new ArrayList<>();
        add(atLimit, "table", table.getTableName());
        for (ColumnSnapshot column : table.getColumns()) {
            add(atLimit, "column", column.getName());
        }
        for (IndexSnapshot index : table.getIndexes()) {
            add(atLimit, "index", index.getName());
        }
        // A primary key or unique constraint shares its index's name: list it once.
        for (ConstraintSnapshot constraint : table.getConstraints()) {
            if (atLimit(constraint.getName()) && !namesIndex(table, constraint.getName())) {
                atLimit.add("constraint " + constraint.getName());
            }
        }
        if (atLimit.isEmpty()) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        String message = name + " has names of exactly " + MAX_BYTES + " bytes, the limit, so a longer name was "
                + "probably truncated to them: " + String.join(", ", atLimit);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }

    /** A char takes one to three bytes in UTF-8 (a surrogate pair four for two): most names need no encoding. */
    static boolean atLimit(String name) {
        int length = name.length();
        return length * 3 >= MAX_BYTES && length <= MAX_BYTES
                && name.getBytes(StandardCharsets.UTF_8).length == MAX_BYTES;
    }

    private static void add(List<String> atLimit, String kind, String name) {
        if (atLimit(name)) {
            atLimit.add(kind + " " + name);
        }
    }

    private static boolean namesIndex(TableSnapshot table, String name) {
        for (IndexSnapshot index : table.getIndexes()) {
            if (index.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
