package io.schemagov.lint;

import java.util.List;

/** A piece of a migration script: an SQL statement, or a psql meta-command line the lint skips. */
sealed interface ScriptPart {

    /** The 1-based line where the part starts. */
    int line();

    /**
     * One SQL statement.
     *
     * @param text   the statement as written, with the comments before it (they may carry suppressions) and
     *               without its terminating semicolon
     * @param line   the line of its first token, not of the comments before it
     * @param tokens its tokens, comments left out
     */
    record Statement(String text, int line, List<SqlToken> tokens) implements ScriptPart {

        public Statement {
            tokens = List.copyOf(tokens);
        }

        /** The token at the index, or null past the end. */
        SqlToken token(int index) {
            return index < tokens.size() ? tokens.get(index) : null;
        }
    }

    /** A line such as {@code \set ON_ERROR_STOP on} or {@code \i other.sql}: psql's, not the server's. */
    record MetaCommand(String text, int line) implements ScriptPart {
    }
}
