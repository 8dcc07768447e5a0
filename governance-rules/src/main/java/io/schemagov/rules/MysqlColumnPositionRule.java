package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.Optional;
import java.util.regex.Pattern;

/** Flags ADD COLUMN ... AFTER/FIRST, which rules out an instant add on older servers and reorders on others. */
final class MysqlColumnPositionRule extends MysqlChangeRule {

    static final String ID = "mysql-column-position-prevents-instant";

    private static final Pattern ADD_WITH_POSITION = Pattern.compile("\\bADD (COLUMN )?[^,]*\\b(AFTER \\S+|FIRST)\\b");

    private static final RuleInfo INFO = new RuleInfo(ID, "ADD COLUMN with AFTER or FIRST", Severity.LOW,
            RuleScope.CHANGE,
            "Adding a column at the end is an instant, metadata-only change on MySQL 8.0.12+ and MariaDB 10.3+. "
                    + "AFTER or FIRST asks for a position instead: MySQL before 8.0.29 then rebuilds the whole "
                    + "table, and later versions store a row version that every later instant change adds to, "
                    + "until the table must be rebuilt anyway; the column order rarely matters to applications.",
            "Add the column at the end (drop AFTER/FIRST) and state ALGORITHM=INSTANT so that the server "
                    + "refuses rather than rebuilds; order columns in views or queries where the order matters.",
            "ALTER TABLE orders ADD COLUMN coupon varchar(20) AFTER id;",
            "ALTER TABLE orders ADD COLUMN coupon varchar(20), ALGORITHM=INSTANT;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Optional<String> problem(String statement, TableSnapshot table, RuleSettings settings) {
        if (!statement.startsWith("ALTER") || !ADD_WITH_POSITION.matcher(statement).find()
                || !TableSize.of(table).holdsRows()) {
            return Optional.empty();
        }
        return Optional.of("ADD COLUMN with AFTER/FIRST on " + MysqlRules.sized(table)
                + " cannot be instant on MySQL before 8.0.29 and rebuilds the table there");
    }

    @Override
    Severity severity(TableSnapshot table, RuleSettings settings) {
        // A position is only a problem where the server would rebuild; one step below a known rebuild.
        Severity bySize = TableSize.of(table).severity(settings);
        return bySize == Severity.CRITICAL ? Severity.HIGH : bySize == Severity.HIGH ? Severity.MEDIUM : Severity.LOW;
    }
}
