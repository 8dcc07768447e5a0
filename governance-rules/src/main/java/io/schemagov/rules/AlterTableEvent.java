package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableRewrite;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One captured ALTER TABLE command read against its text: the table it altered, every ALTER TABLE statement of
 * the text on that table, and among them the one(s) this event is about.
 *
 * @param onTable   every ALTER TABLE statement of the text that altered this table, in text order
 * @param current   the statements this event belongs to (see {@link AlterEffects})
 * @param text      all statements of the text, for what surrounds them (transaction control, other commands)
 * @param actions   the actions of the current statements, with the statement each belongs to: listed once here,
 *                  as some ten rules go through them
 */
record AlterTableEvent(SchemaChangeEvent event, LockedTable table, List<AlterTableStatement> onTable,
        List<AlterTableStatement> current, List<List<SqlToken>> text, List<Action> actions) {

    /**
     * Empty unless the event is an ALTER TABLE whose table was captured and whose text contains an ALTER TABLE of
     * it; a command run from a function or DO block has its text in a string literal, out of reach.
     */
    static Optional<AlterTableEvent> of(SchemaChangeEvent event) {
        Read last = LAST.get();
        if (last != null && last.event() == event) {
            return last.alter();
        }
        Optional<AlterTableEvent> alter = read(event);
        LAST.set(new Read(event, alter));
        return alter;
    }

    /**
     * The last event read on this thread: some fifteen rules ask for the same event's ALTER TABLE one after the
     * other. Keyed by identity; rules never change the event they are given.
     */
    private static final ThreadLocal<Read> LAST = new ThreadLocal<>();

    private record Read(SchemaChangeEvent event, Optional<AlterTableEvent> alter) {
    }

    private static Optional<AlterTableEvent> read(SchemaChangeEvent event) {
        if (!"ALTER TABLE".equalsIgnoreCase(event.getCommandTag()) || event.getStatement() == null) {
            return Optional.empty();
        }
        Optional<TableSnapshot> snapshot = event.getObjectIdentity() == null ? EventTables.single(event)
                : EventTables.find(event, event.getObjectIdentity()).or(() -> EventTables.single(event));
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        TableSnapshot table = snapshot.get();
        List<List<SqlToken>> text = SqlScanner.statements(event.getStatement());
        List<AlterTableStatement> onTable = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            AlterTableParser.parse(text.get(i), i).filter(statement -> statement.alters(table))
                    .ifPresent(onTable::add);
        }
        if (onTable.isEmpty()) {
            return Optional.empty();
        }
        List<AlterTableStatement> current = AlterEffects.current(onTable, table);
        return Optional.of(new AlterTableEvent(event, LockedTable.of(table), List.copyOf(onTable), current, text,
                actions(current)));
    }

    /** The actions of the statements, with the statement each belongs to. */
    private static List<Action> actions(List<AlterTableStatement> statements) {
        List<Action> actions = new ArrayList<>();
        for (AlterTableStatement statement : statements) {
            for (AlterSubcommand subcommand : statement.subcommands()) {
                actions.add(new Action(statement, subcommand));
            }
        }
        return List.copyOf(actions);
    }

    /** The reasons PostgreSQL gave for rewriting this table during the command; empty when it did not. */
    Optional<List<String>> rewriteReasons() {
        for (TableRewrite rewrite : event.getRewrites()) {
            if (Names.namesTable(rewrite.getTable(), table.snapshot())) {
                return Optional.of(rewrite.getReasons());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether PostgreSQL rewrote the table for a reason containing the word, e.g. "type" for the capture's
     * "column type or storage change" or "default" for "column default that must be written to every row"
     * (also given for identity, serial and stored generated columns); a rewrite without reasons counts too.
     */
    boolean rewrittenFor(String word) {
        return rewriteReasons().map(reasons -> reasons.isEmpty() || reasons.stream()
                .anyMatch(reason -> reason.toLowerCase(Locale.ROOT).contains(word))).orElse(false);
    }

    /** Whether a COMMIT, ROLLBACK or the like ends the transaction between the two statements of the text. */
    boolean transactionEndsBetween(int from, int to) {
        for (int i = Math.min(from, to) + 1; i < Math.max(from, to); i++) {
            SqlToken first = text.get(i).get(0);
            if (first.is("COMMIT") || first.is("END") || first.is("ROLLBACK") || first.is("ABORT")) {
                return true;
            }
        }
        return false;
    }

    /** One action and the statement it belongs to, whose lock it runs under. */
    record Action(AlterTableStatement statement, AlterSubcommand subcommand) {

        /** {@code ALTER TABLE ... ADD CONSTRAINT orders_customer_fk}. */
        String describe() {
            return AlterTableStatement.describe(subcommand);
        }

        LockLevel lock() {
            return statement.lock();
        }
    }
}
