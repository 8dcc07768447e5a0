package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flags LOCK=SHARED and LOCK=EXCLUSIVE: the statement blocks writes, or everything, for its whole run. */
final class MysqlLockSharedOrExclusiveRule extends MysqlChangeRule {

    static final String ID = "mysql-lock-shared-or-exclusive";

    private static final Pattern LOCK = Pattern.compile("\\bLOCK ?= ?(SHARED|EXCLUSIVE)\\b");

    private static final RuleInfo INFO = new RuleInfo(ID, "LOCK=SHARED or LOCK=EXCLUSIVE", Severity.MEDIUM,
            RuleScope.CHANGE,
            "LOCK=SHARED blocks every write to the table and LOCK=EXCLUSIVE every read and write, for the whole "
                    + "statement: on a large table that is minutes to hours in which the application's writes "
                    + "queue up, time out and exhaust the connection pool.",
            "Ask for LOCK=NONE (with ALGORITHM=INPLACE or INSTANT): the server then either runs the change "
                    + "online or refuses it at once, and nothing is blocked. When the change cannot run online, "
                    + "schedule it in a maintenance window or use gh-ost or pt-online-schema-change.",
            "ALTER TABLE orders ADD INDEX orders_status_idx (status), LOCK=EXCLUSIVE;",
            "ALTER TABLE orders ADD INDEX orders_status_idx (status), ALGORITHM=INPLACE, LOCK=NONE;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    Optional<String> problem(String statement, TableSnapshot table, RuleSettings settings) {
        Matcher lock = LOCK.matcher(statement);
        if (!lock.find()) {
            return Optional.empty();
        }
        String blocked = lock.group(1).equals("SHARED") ? "writes" : "reads and writes";
        return Optional.of("LOCK=" + lock.group(1) + " blocks " + blocked + " on " + MysqlRules.sized(table)
                + " for the whole statement");
    }
}
