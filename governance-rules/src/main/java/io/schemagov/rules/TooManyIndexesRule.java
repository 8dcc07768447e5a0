package io.schemagov.rules;

import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.Optional;

/** Flags tables with more indexes than a threshold, since each one slows every write. */
final class TooManyIndexesRule implements TableRule {

    static final String ID = "too-many-indexes";
    static final int DEFAULT_LIMIT = 10;

    private static final RuleInfo INFO = new RuleInfo(ID, "Table has many indexes", Severity.LOW,
            RuleScope.TABLE_STATE,
            "Every INSERT, and every UPDATE that is not HOT, adds an entry to each index, and an UPDATE can only "
                    + "be HOT when it changes no indexed column, so each extra index also makes HOT updates rarer. "
                    + "Many indexes multiply write time, WAL and replication volume, disk and cache use, and VACUUM "
                    + "work. Past ten or so indexes, some are usually unused or covered by others.",
            "List the indexes with their use since statistics were reset (pg_stat_user_indexes.idx_scan, on the "
                    + "primary and every replica), drop unused and duplicate ones with DROP INDEX CONCURRENTLY, and "
                    + "merge single-column indexes into multi-column ones that serve the same queries.",
            "-- orders already has 10 indexes\n"
                    + "CREATE INDEX orders_status_idx ON orders (status);",
            "-- drop an unused one (pg_stat_user_indexes.idx_scan = 0 on every server) before adding another\n"
                    + "DROP INDEX CONCURRENTLY orders_legacy_idx;\n"
                    + "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);");

    private final int limit;

    TooManyIndexesRule() {
        this(DEFAULT_LIMIT);
    }

    /** @param limit the most indexes a table may have without a finding */
    TooManyIndexesRule(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        List<IndexSnapshot> indexes = table.getIndexes();
        if (!TableFacts.of(table).isTable() || indexes.size() <= limit) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        String message = name + " has " + indexes.size() + " indexes (more than " + limit + "), each written on "
                + "every insert: " + ShortList.of(indexes.stream().map(IndexSnapshot::getName).toList());
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }
}
