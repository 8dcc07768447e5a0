package io.schemagov.lint;

import io.schemagov.lint.ScriptPart.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The session a migration file runs in, as far as the file itself shows it: whether a transaction block is open,
 * and the lock_timeout and statement_timeout in effect. It follows PostgreSQL: a plain SET inside a transaction
 * lasts beyond it only if the transaction commits, SET LOCAL lasts until the transaction ends (and does nothing
 * outside one), RESET and DEFAULT go back to the default. The default is PostgreSQL's own, 0 (no timeout): a
 * default set for the role or database (ALTER ROLE ... SET) is not visible to a lint of the files.
 */
final class Session {

    static final String LOCK_TIMEOUT = "lock_timeout";
    static final String STATEMENT_TIMEOUT = "statement_timeout";
    private static final Long DEFAULT = 0L;

    private final TransactionMode mode;
    private boolean inBlock;
    /** The values that last beyond the current transaction; absent means the default. */
    private final Map<String, Long> committed = new HashMap<>();
    /** The plain SETs of the open transaction, kept if it commits. */
    private final Map<String, Long> pending = new HashMap<>();
    /** The SET LOCALs of the open transaction. */
    private final Map<String, Long> local = new HashMap<>();

    Session(TransactionMode mode) {
        this.mode = mode;
        this.inBlock = mode == TransactionMode.PER_FILE;
    }

    boolean inTransactionBlock() {
        return inBlock;
    }

    /** The setting's value in milliseconds; null when the file set it to something the lint cannot read. */
    Long timeoutMs(String name) {
        if (local.containsKey(name)) {
            return local.get(name);
        }
        if (pending.containsKey(name)) {
            return pending.get(name);
        }
        return committed.getOrDefault(name, DEFAULT);
    }

    /** Takes a statement into account; true when it was transaction control or a setting, not something to lint. */
    boolean apply(Statement statement) {
        Words words = new Words(statement.tokens());
        return switch (TransactionControl.of(words)) {
            case BEGIN -> begin();
            case COMMIT -> end(true, false);
            case ROLLBACK -> end(false, false);
            case COMMIT_AND_CHAIN -> end(true, true);
            case ROLLBACK_AND_CHAIN -> end(false, true);
            case NONE -> setting(words);
        };
    }

    private boolean begin() {
        inBlock = true; // a BEGIN in a block only draws a warning from PostgreSQL
        return true;
    }

    private boolean end(boolean commit, boolean chain) {
        if (commit) {
            committed.putAll(pending);
        }
        pending.clear();
        local.clear();
        // A runner that wraps the file in a transaction keeps one open: JDBC and the like begin the next one.
        inBlock = chain || mode == TransactionMode.PER_FILE;
        return true;
    }

    private boolean setting(Words words) {
        Setting setting = Setting.of(words);
        if (setting == null) {
            return words.upper(0).equals("SET") || words.upper(0).equals("RESET");
        }
        for (String name : setting.names()) {
            apply(setting, name);
        }
        return true;
    }

    private void apply(Setting setting, String name) {
        if (setting.local()) {
            if (inBlock) {
                local.put(name, setting.valueMs());
            }
        } else if (inBlock) {
            pending.put(name, setting.valueMs());
            local.remove(name);
        } else {
            committed.put(name, setting.valueMs());
        }
    }
}
