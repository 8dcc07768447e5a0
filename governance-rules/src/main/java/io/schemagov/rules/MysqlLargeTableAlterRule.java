package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.Optional;
import java.util.regex.Pattern;

/** Flags a direct ALTER TABLE on a large table that is not instant: such changes belong to an online tool. */
final class MysqlLargeTableAlterRule extends MysqlChangeRule {

    static final String ID = "mysql-large-table-without-online-schema-change";

    /** Tables gh-ost and pt-online-schema-change create and alter in place of the real one. */
    private static final Pattern TOOL_TABLE = Pattern.compile("^_.*_(gho|ghc|del|new|old)$");
    private static final long LARGE_BYTES = 1024L * 1024 * 1024;

    private static final RuleInfo INFO = new RuleInfo(ID, "large table altered directly", Severity.HIGH,
            RuleScope.CHANGE,
            "An ALTER TABLE on a table of a million rows or a gigabyte that is not instant runs for minutes to "
                    + "hours: even online (INPLACE, LOCK=NONE) it takes a metadata lock at start and end that "
                    + "queues every query behind a long transaction, it cannot be paused or throttled, and "
                    + "replicas apply it serially afterwards, lagging by its whole duration.",
            "Run such changes through an online schema change tool: gh-ost or pt-online-schema-change copy "
                    + "the table in throttled chunks, follow replica lag and swap tables with a brief lock; or "
                    + "make the change instant (ALGORITHM=INSTANT) where the server supports it.",
            "ALTER TABLE events ADD INDEX events_created_idx (created_at);",
            "ALTER TABLE events ADD COLUMN source varchar(20), ALGORITHM=INSTANT;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Optional<String> problem(String statement, TableSnapshot table, RuleSettings settings) {
        TableSize size = TableSize.of(table);
        boolean large = size.likelyRows() >= settings.largeTableRows() || table.getSizeBytes() >= LARGE_BYTES;
        if (!large || MysqlRules.instant(statement) || TOOL_TABLE.matcher(table.getTableName()).matches()) {
            return Optional.empty();
        }
        return Optional.of("ALTER on " + MysqlRules.sized(table) + " ran directly; on a table this size use gh-ost "
                + "or pt-online-schema-change, or an instant change");
    }

    @Override
    Severity severity(TableSnapshot table, RuleSettings settings) {
        return TableSize.of(table).likelyRows() >= settings.hugeTableRows() ? Severity.CRITICAL : Severity.HIGH;
    }
}
