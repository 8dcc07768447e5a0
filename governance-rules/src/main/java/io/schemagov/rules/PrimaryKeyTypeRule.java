package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Flags primary keys on integer or smallint columns, whose generated values run out at 2^31 or 2^15 (and
 * MariaDB/MySQL's tinyint, mediumint and unsigned variants at their own limits).
 */
final class PrimaryKeyTypeRule implements TableRule {

    static final String ID = "primary-key-type";

    private static final long INTEGER_MAX = Integer.MAX_VALUE;
    /**
     * The integer types narrower than bigint as PostgreSQL or MariaDB/MySQL write them ({@code integer},
     * {@code int(11) unsigned}), with their signed maximum; "integer" before "int", which starts it.
     */
    private static final String[] NARROW = {"tinyint", "smallint", "mediumint", "integer", "int"};
    private static final long[] SIGNED_MAX = {127L, 32_767L, 8_388_607L, INTEGER_MAX, INTEGER_MAX};

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
        // A composite key of references is only as wide as what it references, which is judged there.
        List<ColumnSnapshot> narrow = new ArrayList<>(key.size());
        long smallest = Long.MAX_VALUE;
        for (String keyColumn : key) {
            ColumnSnapshot column = facts.column(keyColumn);
            long limit = column == null ? 0 : limit(DesignColumns.type(column));
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
                + grouped(smallest)
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

    /**
     * The largest value of the column's type, or 0 when the type is no integer type narrower than bigint: what
     * the pattern {@code (tinyint|smallint|mediumint|int|integer)(?:\(\d+\))?( unsigned)?( zerofill)?} matches
     * whole, read by hand because the rule reads the key of every snapshot.
     */
    static long limit(String type) {
        for (int i = 0; i < NARROW.length; i++) {
            if (type.startsWith(NARROW[i])) {
                int end = afterDisplayWidth(type, NARROW[i].length());
                boolean unsigned = type.startsWith(" unsigned", end);
                end += unsigned ? " unsigned".length() : 0;
                end += type.startsWith(" zerofill", end) ? " zerofill".length() : 0;
                if (end == type.length()) {
                    return unsigned ? SIGNED_MAX[i] * 2 + 1 : SIGNED_MAX[i];
                }
            }
        }
        return 0;
    }

    /** The position after a display width such as {@code (11)} at {@code from}, or {@code from} when none is. */
    private static int afterDisplayWidth(String type, int from) {
        if (!type.startsWith("(", from)) {
            return from;
        }
        int end = from + 1;
        while (end < type.length() && type.charAt(end) >= '0' && type.charAt(end) <= '9') {
            end++;
        }
        return end > from + 1 && type.startsWith(")", end) ? end + 1 : from;
    }

    /** A limit (positive) with a comma between groups of three digits, as {@code %,d} writes it in Locale.ROOT. */
    static String grouped(long limit) {
        String digits = Long.toString(limit);
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
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
