package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/** Flags sets of valid indexes that are the same index twice: same method, keys, uniqueness and predicate. */
final class DuplicateIndexRule implements TableRule {

    static final String ID = "duplicate-index";

    private static final RuleInfo INFO = new RuleInfo(ID, "Duplicate indexes", Severity.MEDIUM,
            RuleScope.TABLE_STATE,
            "Two indexes with the same method, key columns (in the same order, with the same ordering and operator "
                    + "classes), uniqueness and predicate serve exactly the same queries; the planner uses one. The "
                    + "other still has to be updated by every INSERT and most UPDATEs, takes disk and cache, slows "
                    + "VACUUM, and adds WAL. An index backing a primary key or unique constraint counts as well.",
            "Drop the extra one without blocking writes: DROP INDEX CONCURRENTLY name; (outside a transaction "
                    + "block). Keep the one that backs a constraint, since dropping that would drop the constraint. "
                    + "Before dropping, check pg_stat_user_indexes.idx_scan on every replica too, as each server "
                    + "keeps its own statistics.",
            "CREATE INDEX orders_customer_idx ON orders (customer_id);\n"
                    + "CREATE INDEX orders_customer_idx1 ON orders (customer_id);",
            "DROP INDEX CONCURRENTLY orders_customer_idx1;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable()) {
            return Optional.empty();
        }
        List<List<IndexShape>> groups = groups(table);
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        StringJoiner described = new StringJoiner("; ");
        groups.forEach(group -> described.add(describe(group, table)));
        String message = name + " has duplicate indexes: " + described;
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }

    /** The groups of two or more valid indexes that are the same, in the order of their first index. */
    private static List<List<IndexShape>> groups(TableSnapshot table) {
        List<IndexShape> shapes = TableFacts.of(table).validShapes();
        if (shapes.size() < 2) {
            return List.of();
        }
        List<List<IndexShape>> groups = new ArrayList<>();
        List<IndexShape> placed = new ArrayList<>();
        for (IndexShape shape : shapes) {
            if (placedAlready(placed, shape)) {
                continue;
            }
            List<IndexShape> group = new ArrayList<>();
            for (IndexShape other : shapes) {
                if (other == shape || shape.sameAs(other)) {
                    group.add(other);
                }
            }
            placed.addAll(group);
            if (group.size() > 1) {
                groups.add(group);
            }
        }
        return groups;
    }

    /**
     * Whether the shape is in a group already. By identity: a shape equal to another (down to its snapshot) is
     * also the same as it, so it was placed with it; comparing snapshots field by field would find nothing more.
     */
    private static boolean placedAlready(List<IndexShape> placed, IndexShape shape) {
        for (IndexShape other : placed) {
            if (other == shape) {
                return true;
            }
        }
        return false;
    }

    /** {@code a_idx, a_idx1 on (a): drop a_idx1} naming the ones that back no constraint as droppable. */
    private static String describe(List<IndexShape> group, TableSnapshot table) {
        List<String> names = new ArrayList<>(group.size());
        List<String> free = new ArrayList<>(group.size());
        for (IndexShape shape : group) {
            names.add(shape.name());
            if (!shape.backsConstraint(table)) {
                free.add(shape.name());
            }
        }
        // Keep one: a constraint's index if there is one, else the first.
        List<String> droppable = free.size() == group.size() ? free.subList(1, free.size()) : free;
        return String.join(", ", names) + " on (" + String.join(", ", group.get(0).keys()) + ")"
                + (droppable.isEmpty() ? "" : ", drop " + String.join(", ", droppable));
    }
}
