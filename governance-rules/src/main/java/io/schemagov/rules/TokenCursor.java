package io.schemagov.rules;

import java.util.ArrayList;
import java.util.List;

/** Reads one statement's tokens front to back for the statement readers of the compatibility rules. */
final class TokenCursor {

    private final List<SqlToken> tokens;
    private int next;

    TokenCursor(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    /** Back to the first token, so that another form of statement can be tried. */
    TokenCursor restart() {
        next = 0;
        return this;
    }

    boolean peekIs(String keyword) {
        return next < tokens.size() && tokens.get(next).is(keyword);
    }

    boolean take(String keyword) {
        if (peekIs(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    boolean takeSymbol(String symbol) {
        if (next < tokens.size() && tokens.get(next).isSymbol(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    /** The name at the cursor as PostgreSQL reads it (unquoted folded to lower case), or null. */
    String name() {
        if (next < tokens.size() && tokens.get(next).isName()) {
            return tokens.get(next++).name();
        }
        return null;
    }

    /** The parts of {@code a.b.c} at the cursor; empty when no name is there. */
    List<String> qualifiedName() {
        List<String> parts = new ArrayList<>();
        String part = name();
        while (part != null) {
            parts.add(part);
            part = takeSymbol(".") ? name() : null;
        }
        return parts;
    }

    /** The rest of the statement cut at commas outside parentheses, e.g. the actions of an ALTER TABLE. */
    List<TokenCursor> splitRest() {
        List<TokenCursor> parts = new ArrayList<>();
        int depth = 0;
        int start = next;
        for (int i = next; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isSymbol(",")) {
                parts.add(new TokenCursor(tokens.subList(start, i)));
                start = i + 1;
            }
        }
        if (start < tokens.size()) {
            parts.add(new TokenCursor(tokens.subList(start, tokens.size())));
        }
        next = tokens.size();
        return parts;
    }

    /**
     * The tokens from the cursor up to (not including) one of the stop keywords or the end, as text in lower
     * case with words spaced and punctuation tight, e.g. {@code character varying(50)} or {@code numeric(8, 2)}.
     */
    String textUntil(String... stops) {
        StringBuilder text = new StringBuilder();
        SqlToken previous = null;
        while (next < tokens.size() && !isAny(tokens.get(next), stops)) {
            SqlToken token = tokens.get(next++);
            if (previous != null && !tight(previous, token)) {
                text.append(' ');
            }
            text.append(token.kind() == SqlToken.Kind.QUOTED ? '"' + token.text() + '"' : token.name());
            previous = token;
        }
        return text.toString();
    }

    /** Moves to just after the keyword; false, at the end, when it does not follow. */
    boolean skipTo(String keyword) {
        while (next < tokens.size()) {
            if (tokens.get(next++).is(keyword)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAny(SqlToken token, String... keywords) {
        for (String keyword : keywords) {
            if (token.is(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** No space after an opening bracket or dot, none before closing punctuation. */
    private static boolean tight(SqlToken previous, SqlToken token) {
        return previous.isSymbol("(") || previous.isSymbol("[") || previous.isSymbol(".")
                || token.isSymbol("(") || token.isSymbol(")") || token.isSymbol("[") || token.isSymbol("]")
                || token.isSymbol(",") || token.isSymbol(".");
    }
}
