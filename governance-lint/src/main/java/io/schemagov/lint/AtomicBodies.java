package io.schemagov.lint;

import java.util.List;

/**
 * Tells whether the splitter is inside the {@code BEGIN ATOMIC ... END} body of a SQL-standard function or
 * procedure, whose semicolons do not end the CREATE statement. Like psql, it counts BEGIN and END (and CASE, which
 * also ends with END, once inside a body) at the top level of a statement that starts with CREATE [OR REPLACE]
 * FUNCTION or PROCEDURE; nothing short of a parser does better.
 */
final class AtomicBodies {

    private int depth;

    /** Takes the statement's latest token into account. */
    void saw(List<SqlToken> tokens, int parenDepth) {
        SqlToken token = tokens.get(tokens.size() - 1);
        if (parenDepth > 0 || token.kind() != SqlToken.Kind.WORD || !createsRoutine(tokens)) {
            return;
        }
        if (token.is("BEGIN")) {
            depth++;
        } else if (token.is("CASE") && depth > 0) {
            depth++;
        } else if (token.is("END") && depth > 0) {
            depth--;
        }
    }

    boolean inBody() {
        return depth > 0;
    }

    void reset() {
        depth = 0;
    }

    private static boolean createsRoutine(List<SqlToken> tokens) {
        if (tokens.size() < 2 || !tokens.get(0).is("CREATE")) {
            return false;
        }
        int kind = tokens.get(1).is("OR") ? 3 : 1;
        return tokens.size() > kind && (tokens.get(kind).is("FUNCTION") || tokens.get(kind).is("PROCEDURE"));
    }
}
