package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import java.util.ArrayList;
import java.util.List;

/** Flags DDL that requested a write-blocking lock on a populated table with no lock_timeout in effect. */
final class LockWithoutLockTimeoutRule implements ChangeRule {

    static final String ID = "lock-without-lock-timeout";

    private static final RuleInfo INFO = new RuleInfo(ID, "Strong lock requested without lock_timeout",
            Severity.MEDIUM, RuleScope.CHANGE,
            "A DDL statement that needs a strong lock (SHARE ROW EXCLUSIVE or above: most ALTER TABLE forms, ADD "
                    + "FOREIGN KEY, ENABLE/DISABLE TRIGGER) must wait for every transaction already using the "
                    + "table, including one idle in transaction or running a long report. While it waits, every "
                    + "later statement that needs a conflicting lock queues behind it: for ACCESS EXCLUSIVE even "
                    + "plain SELECTs. A DDL that takes milliseconds once it has the lock can thus stall all traffic "
                    + "on the table for as long as the oldest transaction runs. lock_timeout was 0 (none) when "
                    + "this statement ran. The risk depends on the table's traffic, which the capture does not "
                    + "know; severity grows with its size and is at least MEDIUM. Plain CREATE INDEX (SHARE) is "
                    + "left to index-without-concurrently.",
            "Set a short lock_timeout for migrations, e.g. SET lock_timeout = '3s' in the migration's session (or "
                    + "SET LOCAL inside its transaction), and retry the migration a few times with a pause when it "
                    + "fails with \"canceling statement due to lock timeout\". Before running, check "
                    + "pg_stat_activity for long-running or idle-in-transaction sessions on the table.",
            "ALTER TABLE orders ADD COLUMN note text;",
            "SET lock_timeout = '3s';\n"
                    + "ALTER TABLE orders ADD COLUMN note text;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        Long timeout = event.getLockTimeoutMs();
        if (timeout == null || timeout != 0) {
            return List.of(); // a limit was set, or the capture could not read it
        }
        List<Finding> findings = new ArrayList<>();
        for (TableLock lock : EventLocks.of(event)) {
            if (lock.lock().compareTo(LockLevel.SHARE_ROW_EXCLUSIVE) >= 0 && lock.table().mayHoldRows()) {
                findings.add(finding(lock, settings));
            }
        }
        return findings;
    }

    private static Finding finding(TableLock lock, RuleSettings settings) {
        LockedTable table = lock.table();
        Severity bySize = table.severity(settings);
        Severity severity = bySize.rank() < Severity.MEDIUM.rank() ? Severity.MEDIUM : bySize;
        String message = lock.lockedBy() + " requested " + lock.lock().withArticle() + " on " + table.describe()
                + " with no lock_timeout: while it waited for that lock, every later statement on the table "
                + "needing a conflicting lock queued behind it (" + lock.lock().sqlName() + " "
                + lock.lock().blocks() + ")";
        return table.finding(INFO, severity, null, message);
    }
}
