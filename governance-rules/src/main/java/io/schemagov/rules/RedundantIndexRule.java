package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags non-unique B-tree indexes whose keys lead another index, which can serve the same lookups. */
final class RedundantIndexRule implements TableRule {

    static final String ID = "redundant-index";

    private static final RuleInfo INFO = new RuleInfo(ID, "Index covered by another index", Severity.LOW,
            RuleScope.TABLE_STATE,
            "A B-tree index on (a) is redundant next to one on (a, b): any lookup or ordering on a can use the "
                    + "wider index, which is only slightly larger per entry. The narrow index still costs every "
                    + "write, disk, cache and VACUUM time. The same holds for a non-unique index whose keys equal a "
                    + "unique index's. Only plain non-unique indexes with the same predicate, ordering and operator "
                    + "classes count as covered.",
            "Confirm the narrow index is not needed for something specific (it is smaller, so scans of it are "
                    + "cheaper; check pg_stat_user_indexes.idx_scan on primary and replicas), then drop it with "
                    + "DROP INDEX CONCURRENTLY name; outside a transaction block.",
            "CREATE INDEX orders_customer_idx ON orders (customer_id);\n"
                    + "CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at);",
            "-- the two-column index serves the queries on customer_id alone too\n"
                    + "DROP INDEX CONCURRENTLY orders_customer_idx;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        TableFacts facts = TableFacts.of(table);
        if (!facts.isTable()) {
            return Optional.empty();
        }
        List<IndexShape> shapes = facts.validShapes();
        List<String> redundant = new ArrayList<>();
        for (IndexShape narrow : shapes) {
            for (IndexShape wide : shapes) {
                if (covers(wide, narrow)) {
                    redundant.add(narrow.describe() + " is covered by " + wide.describe());
                    break;
                }
            }
        }
        if (redundant.isEmpty()) {
            return Optional.empty();
        }
        String name = facts.name();
        String message = name + " has indexes that others cover: " + String.join("; ", redundant);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }

    /** Whether the wide index serves every lookup the narrow one does; exact duplicates are duplicate-index's. */
    private static boolean covers(IndexShape wide, IndexShape narrow) {
        if (wide == narrow || narrow.index().getUnique() || !narrow.isBtree() || !wide.isBtree()
                || narrow.hasInclude() || !narrow.samePredicate(wide)) {
            return false;
        }
        List<String> keys = narrow.keys();
        List<String> wideKeys = wide.keys();
        boolean prefix = wideKeys.size() >= keys.size() && wideKeys.subList(0, keys.size()).equals(keys);
        return prefix && (wideKeys.size() > keys.size() || wide.index().getUnique());
    }
}
