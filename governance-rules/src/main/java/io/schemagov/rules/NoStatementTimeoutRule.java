package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import java.util.ArrayList;
import java.util.List;

/** Flags blocking scans and rewrites of populated tables run with no statement_timeout. */
final class NoStatementTimeoutRule implements ChangeRule {

    static final String ID = "no-statement-timeout";

    private static final RuleInfo INFO = new RuleInfo(ID, "Blocking scan or rewrite without statement_timeout",
            Severity.LOW, RuleScope.CHANGE,
            "This statement read or rewrote every row of a populated table while holding a lock that blocks "
                    + "writes (or reads and writes), and statement_timeout was 0 (none): nothing bounded how long "
                    + "that lasted. If the table is bigger, the disk slower or the plan worse than expected, the "
                    + "outage lasts until someone notices and cancels it. Operations that do not block writes "
                    + "(CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT) are not reported: for them an unbounded "
                    + "run is the right choice. MEDIUM on large tables, LOW otherwise.",
            "Set statement_timeout in the migration's session to what the operation may cost at most, e.g. SET "
                    + "statement_timeout = '5min' (or SET LOCAL inside its transaction): when it expires the "
                    + "statement is cancelled and its transaction rolled back, which releases the lock. Better "
                    + "still, use the non-blocking form (NOT VALID then VALIDATE, CREATE INDEX CONCURRENTLY, "
                    + "USING INDEX) so that no long operation holds a blocking lock at all.",
            "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);",
            "SET statement_timeout = '5min';\n"
                    + "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        Long timeout = event.getStatementTimeoutMs();
        if (timeout == null || timeout != 0) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (TableLock lock : EventLocks.of(event)) {
            if (lock.work().touchesEveryRow() && lock.lock().blocksWrites() && lock.table().mayHoldRows()) {
                findings.add(finding(lock, settings));
            }
        }
        return findings;
    }

    private static Finding finding(TableLock lock, RuleSettings settings) {
        LockedTable table = lock.table();
        String did = lock.work() == TableWork.REWRITE ? " rewrote " : " scanned ";
        String message = lock.workedBy() + did + table.describe() + " under " + lock.lock().withArticle()
                + " with no statement_timeout: nothing bounded how long " + lock.lock().blockedActivity()
                + " stayed blocked";
        return table.finding(INFO, table.large(settings) ? Severity.MEDIUM : Severity.LOW, null, message);
    }
}
