package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Flags ALTER TABLE clauses that make MariaDB/MySQL rebuild the whole table. */
final class MysqlTableRebuildRule extends MysqlChangeRule {

    static final String ID = "mysql-table-rebuild";

    /** Clause, and what it does, that rebuilds the table (InnoDB, MariaDB 10.6+ and MySQL 8.0). */
    private static final Map<Pattern, String> REBUILDS = rebuilds();

    private static final RuleInfo INFO = new RuleInfo(ID, "ALTER TABLE rebuilds the table", Severity.MEDIUM,
            RuleScope.CHANGE,
            "Changing the primary key, the engine, the partitioning, the row format, a column's type or the "
                    + "order of columns makes InnoDB rebuild the table: every row and every index is written "
                    + "again, which takes time, I/O and free disk in proportion to the table, and a replica "
                    + "replays the whole rebuild after the source finished it, lagging by as long.",
            "Check with the server which algorithm the change needs (ALGORITHM=INSTANT fails at once when "
                    + "impossible); keep the column order and type where you can (add new columns at the end, "
                    + "widen varchar within the same length byte); rebuild large tables with gh-ost or "
                    + "pt-online-schema-change, off-peak.",
            "ALTER TABLE orders MODIFY COLUMN note varchar(500) AFTER id;",
            "ALTER TABLE orders ADD COLUMN note2 varchar(500), ALGORITHM=INSTANT;");

    private static Map<Pattern, String> rebuilds() {
        Map<Pattern, String> rebuilds = new LinkedHashMap<>();
        rebuilds.put(Pattern.compile("\\b(ADD|DROP) PRIMARY KEY\\b"), "changes the primary key");
        rebuilds.put(Pattern.compile("\\bENGINE ?="), "changes the engine");
        rebuilds.put(Pattern.compile("\\b(PARTITION BY|REMOVE PARTITIONING)\\b"), "changes the partitioning");
        rebuilds.put(Pattern.compile("\\bROW_FORMAT ?="), "changes the row format");
        rebuilds.put(Pattern.compile("\\bCONVERT TO (CHARACTER SET|CHARSET)\\b"), "converts every text column");
        rebuilds.put(Pattern.compile("\\b(MODIFY|CHANGE)\\b(?! INDEX| KEY)"), "changes a column's definition");
        rebuilds.put(Pattern.compile("\\bFORCE\\b"), "forces a rebuild");
        return rebuilds;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Optional<String> problem(String statement, TableSnapshot table, RuleSettings settings) {
        if (!statement.startsWith("ALTER") || MysqlRules.instant(statement) || !TableSize.of(table).holdsRows()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        REBUILDS.forEach((clause, reason) -> {
            if (clause.matcher(statement).find()) {
                reasons.add(reason);
            }
        });
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("ALTER TABLE " + String.join(", ", reasons) + ": InnoDB rebuilds " + MysqlRules.sized(table)
                + ", rewriting every row and index");
    }
}
