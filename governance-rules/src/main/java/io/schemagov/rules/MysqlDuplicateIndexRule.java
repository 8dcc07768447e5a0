package io.schemagov.rules;

import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags MariaDB/MySQL indexes that another index of the table makes useless: the same columns in the same order,
 * or a plain index whose columns are the leading columns of another index.
 */
final class MysqlDuplicateIndexRule implements TableRule {

    static final String ID = "mysql-duplicate-index";

    private static final RuleInfo INFO = new RuleInfo(ID, "duplicate or redundant index", Severity.LOW,
            RuleScope.TABLE_STATE,
            "MariaDB and MySQL let a table have several indexes on the same columns (ADD INDEX twice, or a KEY "
                    + "on what the PRIMARY KEY or a UNIQUE key already starts with). Each copy is written on every "
                    + "insert, update and delete, takes disk and buffer pool, and slows the optimizer, while any "
                    + "query it could serve is served as well by the other index.",
            "Drop the redundant index (DROP INDEX i ON t, ALGORITHM=INPLACE, LOCK=NONE) after checking that no "
                    + "query names it in a FORCE/USE INDEX hint; keep the unique or primary one.",
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, placed_at datetime, "
                    + "KEY orders_customer_idx (customer_id), KEY orders_customer_placed_idx (customer_id, placed_at));",
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, placed_at datetime, "
                    + "KEY orders_customer_placed_idx (customer_id, placed_at));");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!MysqlRules.isMysql(table)) {
            return Optional.empty();
        }
        List<String> redundant = new ArrayList<>();
        List<IndexSnapshot> indexes = table.getIndexes();
        for (IndexSnapshot index : indexes) {
            for (IndexSnapshot other : indexes) {
                if (index != other && coveredBy(index, other, indexes.indexOf(index) > indexes.indexOf(other))) {
                    redundant.add(index.getName() + " (covered by " + other.getName() + ")");
                    break;
                }
            }
        }
        if (redundant.isEmpty()) {
            return Optional.empty();
        }
        String name = Names.of(table);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, name
                + " has indexes another index already serves: " + String.join(", ", redundant)));
    }

    /** Whether {@code other} serves every lookup {@code index} does; of two identical ones, the later is reported. */
    private static boolean coveredBy(IndexSnapshot index, IndexSnapshot other, boolean later) {
        List<String> columns = index.getColumns();
        List<String> others = other.getColumns();
        if (columns.equals(others)) {
            boolean keeps = index.getUnique() || index.getPrimary();
            boolean otherKeeps = other.getUnique() || other.getPrimary();
            return keeps == otherKeeps ? later : otherKeeps;
        }
        return !index.getUnique() && !index.getPrimary() && others.size() > columns.size()
                && others.subList(0, columns.size()).equals(columns);
    }
}
