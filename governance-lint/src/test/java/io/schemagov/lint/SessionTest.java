package io.schemagov.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.schemagov.lint.ScriptPart.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the session is at the script's last statement, after the statements before it. */
class SessionTest {

    /** Script (the last statement is the one judged), mode, in a block, lock_timeout, statement_timeout. */
    static Stream<Arguments> scripts() {
        return Stream.of(
                arguments("nothing set", "CREATE INDEX i ON t (c);", TransactionMode.EXPLICIT, false, 0L, 0L),
                arguments("per-file wraps everything", "CREATE INDEX i ON t (c);", TransactionMode.PER_FILE, true,
                        0L, 0L),
                arguments("BEGIN opens a block", "BEGIN;\nX;", TransactionMode.EXPLICIT, true, 0L, 0L),
                arguments("START TRANSACTION opens a block", "START TRANSACTION ISOLATION LEVEL SERIALIZABLE; X;",
                        TransactionMode.EXPLICIT, true, 0L, 0L),
                arguments("COMMIT closes it", "BEGIN; COMMIT; X;", TransactionMode.EXPLICIT, false, 0L, 0L),
                arguments("END closes it", "BEGIN WORK; END; X;", TransactionMode.EXPLICIT, false, 0L, 0L),
                arguments("ROLLBACK closes it", "BEGIN; ROLLBACK; X;", TransactionMode.EXPLICIT, false, 0L, 0L),
                arguments("ABORT closes it", "BEGIN; ABORT; X;", TransactionMode.EXPLICIT, false, 0L, 0L),
                arguments("ROLLBACK TO SAVEPOINT does not", "BEGIN; SAVEPOINT s; ROLLBACK TO SAVEPOINT s; X;",
                        TransactionMode.EXPLICIT, true, 0L, 0L),
                arguments("ROLLBACK TO does not", "BEGIN; SAVEPOINT s; ROLLBACK WORK TO s; X;",
                        TransactionMode.EXPLICIT, true, 0L, 0L),
                arguments("COMMIT AND CHAIN opens the next", "BEGIN; COMMIT AND CHAIN; X;", TransactionMode.EXPLICIT,
                        true, 0L, 0L),
                arguments("COMMIT AND NO CHAIN does not", "BEGIN; COMMIT AND NO CHAIN; X;",
                        TransactionMode.EXPLICIT, false, 0L, 0L),
                arguments("COMMIT in a per-file transaction: the runner begins the next", "COMMIT; X;",
                        TransactionMode.PER_FILE, true, 0L, 0L),
                arguments("SET lasts", "SET lock_timeout = '3s'; SET statement_timeout TO 60000; X;",
                        TransactionMode.EXPLICIT, false, 3_000L, 60_000L),
                arguments("units", "SET lock_timeout = '1.5s'; SET statement_timeout = '5min'; X;",
                        TransactionMode.EXPLICIT, false, 1_500L, 300_000L),
                arguments("unquoted value with unit", "SET SESSION lock_timeout = 2s; X;", TransactionMode.EXPLICIT,
                        false, 2_000L, 0L),
                arguments("SET LOCAL lasts until the transaction ends",
                        "BEGIN; SET LOCAL lock_timeout = '3s'; X;", TransactionMode.EXPLICIT, true, 3_000L, 0L),
                arguments("SET LOCAL ends with it", "BEGIN; SET LOCAL lock_timeout = '3s'; COMMIT; X;",
                        TransactionMode.EXPLICIT, false, 0L, 0L),
                arguments("SET LOCAL outside a block does nothing", "SET LOCAL lock_timeout = '3s'; X;",
                        TransactionMode.EXPLICIT, false, 0L, 0L),
                arguments("SET LOCAL in a per-file transaction lasts the file", "SET LOCAL lock_timeout = '3s'; X;",
                        TransactionMode.PER_FILE, true, 3_000L, 0L),
                arguments("a SET in a rolled back transaction is undone",
                        "BEGIN; SET lock_timeout = '3s'; ROLLBACK; X;", TransactionMode.EXPLICIT, false, 0L, 0L),
                arguments("a SET in a committed transaction stays",
                        "BEGIN; SET lock_timeout = '3s'; COMMIT; X;", TransactionMode.EXPLICIT, false, 3_000L, 0L),
                arguments("RESET", "SET lock_timeout = '3s'; RESET lock_timeout; X;", TransactionMode.EXPLICIT,
                        false, 0L, 0L),
                arguments("RESET ALL", "SET lock_timeout = 1; SET statement_timeout = 2; RESET ALL; X;",
                        TransactionMode.EXPLICIT, false, 0L, 0L),
                arguments("DEFAULT", "SET lock_timeout = '3s'; SET lock_timeout TO DEFAULT; X;",
                        TransactionMode.EXPLICIT, false, 0L, 0L),
                arguments("an unreadable value is unknown", "SET lock_timeout = current_setting('x'); X;",
                        TransactionMode.EXPLICIT, false, null, 0L),
                arguments("other settings change nothing", "SET search_path = app; SET TIME ZONE 'UTC'; X;",
                        TransactionMode.EXPLICIT, false, 0L, 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void followsTransactionsAndTimeouts(String name, String script, TransactionMode mode, boolean inBlock,
            Long lockTimeoutMs, Long statementTimeoutMs) {
        Session session = new Session(mode);
        var parts = StatementSplitter.split(script);
        for (ScriptPart part : parts.subList(0, parts.size() - 1)) {
            session.apply((Statement) part);
        }

        assertThat(session.inTransactionBlock()).as("in a transaction block").isEqualTo(inBlock);
        assertThat(session.timeoutMs(Session.LOCK_TIMEOUT)).as("lock_timeout").isEqualTo(lockTimeoutMs);
        assertThat(session.timeoutMs(Session.STATEMENT_TIMEOUT)).as("statement_timeout").isEqualTo(statementTimeoutMs);
    }
}
