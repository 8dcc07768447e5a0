package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags primary keys on integer or smallint columns, whose generated values run out at 2^31 or 2^15 (and
 * MariaDB/MySQL's tinyint, mediumint and unsigned variants at their own limits).
 */
final class PrimaryKeyTypeRule implements TableRule {

    static final String ID = "primary-key-type";

    private static final long INTEGER_MAX = Integer.MAX_VALUE;
    /** An integer type as PostgreSQL or MariaDB/MySQL writes it: {@code integer}, {@code int(11) unsigned}. */
    private static final Pattern NARROW = Pattern.compile(
            "(tinyint|smallint|mediumint|int|integer)(?:\\(\\d+\\))?( unsigned)?( zerofill)?");
    private static final Map<String, Long> SIGNED_MAX = Map.of("tinyint", 127L, "smallint", 32_767L,
            "mediumint", 8_388_607L, "int", INTEGER_MAX, "integer", INTEGER_MAX);

    private static final RuleInfo INFO = new RuleInfo(ID, "Primary key on integer or smallint", Severity.MEDIUM,
            RuleScope.TABLE_STATE,
            "An integer key (serial, or an identity on integer) stops at 2,147,483,647 and a smallint one at "
                    + "32,767; sequences also skip values on rollbacks and caching, so the limit comes sooner than the "
                    + "row count suggests. Then every INSERT fails, and widening the key later means rewriting the "
                    + "table and every referencing foreign key column under ACCESS EXCLUSIVE locks. Severity is HIGH "
                    + "once the table holds more than half the range in rows. MariaDB/MySQL's AUTO_INCREMENT keys "
                    + "on int (or tinyint, smallint, mediumint, signed or unsigned) run out the same way, and "
                    + "widening one copies the table.",
            "Use bigint for surrogate keys: id bigint GENERATED ALWAYS AS IDENTITY (or a uuid where keys are made "
                    + "outside the database). For an existing table, add a bigint column, fill it in batches with a "
                    + "trigger keeping new rows in step, build a unique index CONCURRENTLY, then swap the primary key "
                    + "(ADD CONSTRAINT ... PRIMARY KEY USING INDEX) in a short transaction, widening referencing "
                    + "columns the same way. Small lookup tables with a fixed set of rows can keep a small key. On "
                    + "MariaDB/MySQL use id BIGINT UNSIGNED AUTO_INCREMENT, and widen an existing key of a large "
                    + "table with an online schema change tool (gh-ost, pt-online-schema-change).",
            "CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);",
            "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);");

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
        List<String> key = keyColumns(table);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ColumnSnapshot> columns = facts.byName();
        // A composite key of references is only as wide as what it references, which is judged there.
        List<ColumnSnapshot> narrow = new ArrayList<>(key.size());
        long smallest = Long.MAX_VALUE;
        for (String keyColumn : key) {
            ColumnSnapshot column = columns.get(keyColumn);
            long limit = column == null ? 0 : limit(column);
            if (limit > 0 && (key.size() == 1 || generated(column))) {
                narrow.add(column);
                smallest = Math.min(smallest, limit);
            }
        }
        if (narrow.isEmpty()) {
            return Optional.empty();
        }
        Severity severity = TableSize.of(table).likelyRows() > smallest / 2 ? Severity.HIGH : INFO.defaultSeverity();
        String name = facts.name();
        StringJoiner described = new StringJoiner(", ");
        narrow.forEach(column -> described.add(describe(column)));
        String message = name + " has its primary key on " + described + ": inserts fail once its values pass "
                + String.format(Locale.ROOT, "%,d", smallest)
                + (table.getEstimatedRows() >= 0 ? " (" + TableSize.rows(table.getEstimatedRows()) + " now)" : "");
        return Optional.of(INFO.finding(severity, table.getSchemaName(), table.getTableName(), name, message));
    }

    private static List<String> keyColumns(TableSnapshot table) {
        for (ConstraintSnapshot constraint : table.getConstraints()) {
            if (constraint.getType() == ConstraintType.PRIMARY_KEY) {
                return constraint.getColumns();
            }
        }
        for (IndexSnapshot index : table.getIndexes()) {
            if (index.getPrimary()) {
                return index.getColumns();
            }
        }
        return List.of();
    }

    /** The largest value of the column's type, or 0 when the type is no integer type narrower than bigint. */
    private static long limit(ColumnSnapshot column) {
        Matcher matcher = NARROW.matcher(DesignColumns.type(column));
        if (!matcher.matches()) {
            return 0;
        }
        long max = SIGNED_MAX.get(matcher.group(1));
        return matcher.group(2) == null ? max : max * 2 + 1;
    }

    private static boolean generated(ColumnSnapshot column) {
        return column.getIdentity() != null || isSerial(column);
    }

    private static boolean isSerial(ColumnSnapshot column) {
        return column.getDefaultExpression() != null && column.getDefaultExpression().startsWith("nextval(");
    }

    private static String describe(ColumnSnapshot column) {
        String kind = "AUTO_INCREMENT".equals(column.getIdentity()) ? " AUTO_INCREMENT"
                : column.getIdentity() != null ? " identity" : isSerial(column) ? " (serial)" : "";
        return column.getName() + " " + column.getDataType() + kind;
    }
}
