package io.schemagov.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ALTER TABLE and ALTER SCHEMA actions the compatibility rules judge (renames, SET SCHEMA, DROP NOT NULL,
 * DROP CONSTRAINT, ALTER COLUMN TYPE) from statement text; every other action is skipped.
 */
final class AlterActions {

    enum Kind { RENAME_TABLE, SET_SCHEMA, RENAME_COLUMN, RENAME_SCHEMA, DROP_NOT_NULL, DROP_CONSTRAINT, ALTER_TYPE }

    /**
     * One action of an ALTER statement.
     *
     * @param schema  the altered table's schema as written, or null when unqualified (or for ALTER SCHEMA)
     * @param target  the altered table or schema, unqualified
     * @param subject the column or constraint acted on, or null
     * @param result  the new name (RENAME, SET SCHEMA) or the new type as written (ALTER_TYPE), else null
     * @param using   an ALTER_TYPE with a USING expression
     */
    record Action(Kind kind, String schema, String target, String subject, String result, boolean using) {
    }

    private AlterActions() {
    }

    /**
     * The last text read on this thread and its actions: five rules read the same event's ALTER actions one after
     * the other. Keyed by identity, as the event's text is one String object for all of them.
     */
    private static final ThreadLocal<Read> LAST = new ThreadLocal<>();

    private record Read(String sql, List<Action> actions) {
    }

    /** The actions of every ALTER TABLE and ALTER SCHEMA statement in the text, in order. */
    static List<Action> of(String sql) {
        Read last = LAST.get();
        if (last != null && last.sql() == sql) {
            return last.actions();
        }
        List<Action> actions = List.copyOf(read(sql));
        LAST.set(new Read(sql, actions));
        return actions;
    }

    private static List<Action> read(String sql) {
        List<Action> actions = new ArrayList<>();
        for (List<SqlToken> statement : SqlScanner.statements(sql)) {
            if (hasActionWord(statement)) { // ADD COLUMN, SET NOT NULL, ADD CONSTRAINT and the like have none
                readStatement(statement, actions);
            }
        }
        return actions;
    }

    /** Adds the actions of one statement, if it is an ALTER TABLE or ALTER SCHEMA. */
    static void readStatement(List<SqlToken> statement, List<Action> actions) {
        TokenCursor cursor = new TokenCursor(statement);
        if (cursor.take("ALTER") && cursor.take("TABLE")) {
            readTable(cursor, actions);
        } else if (cursor.restart().take("ALTER") && cursor.take("SCHEMA")) {
            readSchema(cursor, actions);
        }
    }

    /**
     * Whether the statement has a word every action read here needs (RENAME, SCHEMA of SET SCHEMA, DROP, TYPE):
     * the engine asks this of every ALTER TABLE, and most add columns or constraints, which have none of them.
     */
    static boolean hasActionWord(List<SqlToken> statement) {
        for (SqlToken token : statement) {
            if (token.is("RENAME") || token.is("SCHEMA") || token.is("DROP") || token.is("TYPE")) {
                return true;
            }
        }
        return false;
    }

    /** ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, ...] */
    private static void readTable(TokenCursor cursor, List<Action> actions) {
        if (cursor.take("IF")) {
            cursor.take("EXISTS");
        }
        cursor.take("ONLY");
        List<String> name = cursor.qualifiedName();
        if (name.isEmpty()) {
            return; // ALTER TABLE ALL IN TABLESPACE and the like: nothing this reader judges
        }
        cursor.takeSymbol("*");
        String table = name.get(name.size() - 1);
        String schema = name.size() > 1 ? name.get(name.size() - 2) : null;
        for (TokenCursor action : cursor.splitRest()) {
            readTableAction(action, schema, table, actions);
        }
    }

    private static void readTableAction(TokenCursor action, String schema, String table, List<Action> actions) {
        if (action.take("RENAME")) {
            readRename(action, schema, table, actions);
        } else if (action.take("SET") && action.take("SCHEMA")) {
            actions.add(new Action(Kind.SET_SCHEMA, schema, table, null, action.name(), false));
        } else if (action.restart().take("DROP") && action.take("CONSTRAINT")) {
            if (action.take("IF")) {
                action.take("EXISTS");
            }
            actions.add(new Action(Kind.DROP_CONSTRAINT, schema, table, action.name(), null, false));
        } else if (action.restart().take("ALTER") && !action.peekIs("CONSTRAINT")) {
            action.take("COLUMN");
            readAlterColumn(action, schema, table, actions);
        }
    }

    /** RENAME TO new | RENAME [COLUMN] old TO new | RENAME CONSTRAINT old TO new (not judged). */
    private static void readRename(TokenCursor action, String schema, String table, List<Action> actions) {
        if (action.take("TO")) {
            actions.add(new Action(Kind.RENAME_TABLE, schema, table, null, action.name(), false));
            return;
        }
        if (action.take("CONSTRAINT")) {
            return;
        }
        action.take("COLUMN");
        String column = action.name();
        if (column != null && action.take("TO")) {
            actions.add(new Action(Kind.RENAME_COLUMN, schema, table, column, action.name(), false));
        }
    }

    /** ALTER [COLUMN] c DROP NOT NULL | ALTER [COLUMN] c [SET DATA] TYPE type [COLLATE x] [USING expr] */
    private static void readAlterColumn(TokenCursor action, String schema, String table, List<Action> actions) {
        String column = action.name();
        if (column == null) {
            return;
        }
        if (action.take("DROP")) {
            if (action.take("NOT") && action.take("NULL")) {
                actions.add(new Action(Kind.DROP_NOT_NULL, schema, table, column, null, false));
            }
            return;
        }
        if (action.take("SET") && !action.take("DATA")) {
            return; // SET DEFAULT, SET NOT NULL, SET STATISTICS, ...
        }
        if (action.take("TYPE")) {
            String type = action.textUntil("COLLATE", "USING");
            boolean using = action.skipTo("USING");
            actions.add(new Action(Kind.ALTER_TYPE, schema, table, column, type, using));
        }
    }

    /** ALTER SCHEMA name RENAME TO new */
    private static void readSchema(TokenCursor cursor, List<Action> actions) {
        String schema = cursor.name();
        if (schema != null && cursor.take("RENAME") && cursor.take("TO")) {
            actions.add(new Action(Kind.RENAME_SCHEMA, null, schema, null, cursor.name(), false));
        }
    }
}
