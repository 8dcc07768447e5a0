package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Flags columns of type timestamp without time zone, which store wall-clock times with no zone. */
final class TimestampWithoutTimeZoneRule implements TableRule {

    static final String ID = "timestamp-without-time-zone";

    /** format_type writes the precision inside: {@code timestamp(3) without time zone}; arrays end in []. */
    private static final Pattern TIMESTAMP = Pattern.compile("^timestamp(\\(\\d+\\))? without time zone");

    private static final RuleInfo INFO = new RuleInfo(ID, "Column uses timestamp without time zone", Severity.LOW,
            RuleScope.TABLE_STATE,
            "timestamp without time zone stores a wall-clock reading, not an instant. Values from now() or "
                    + "cast from timestamptz are shifted into the writing session's TimeZone, so clients with "
                    + "different settings store different readings for the same moment; readings repeat or vanish "
                    + "around daylight-saving changes, and comparisons with timestamptz convert using the reader's "
                    + "TimeZone. timestamp with time zone (timestamptz) stores an absolute instant in the same "
                    + "8 bytes.",
            "Use timestamptz for points in time. Converting needs the zone the stored values were written in: "
                    + "ALTER TABLE t ALTER COLUMN c TYPE timestamptz USING c AT TIME ZONE 'UTC'; rewrites the table "
                    + "under an ACCESS EXCLUSIVE lock. When the values are UTC, PostgreSQL 12+ converts without a "
                    + "rewrite if the session runs SET TimeZone = 'UTC' and the ALTER has no USING clause. On large "
                    + "tables otherwise prefer a new column backfilled in batches. Keep timestamp without time zone "
                    + "only for deliberate local times such as a store's opening hours.",
            "CREATE TABLE shipments (id bigint PRIMARY KEY, shipped_at timestamp NOT NULL);",
            "CREATE TABLE shipments (id bigint PRIMARY KEY, shipped_at timestamptz NOT NULL);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable()) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        for (ColumnSnapshot column : table.getColumns()) {
            String type = column.getDataType();
            // Every match starts with the word: most types are spared the pattern.
            if (type != null && type.startsWith("timestamp") && type.contains(" without time zone")
                    && TIMESTAMP.matcher(type).find()) {
                columns.add(column.getName());
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        String message = name + " stores timestamp without time zone in " + String.join(", ", columns)
                + ": the values carry no zone, so the instant they denote depends on the time zone they were "
                + "written in";
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }
}
