package io.schemagov.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads one statement's (or one ALTER TABLE action's) tokens front to back, for the statement readers of the rules. */
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

    boolean atEnd() {
        return next >= tokens.size();
    }

    /** Whether the token {@code offset} places ahead is the keyword. */
    boolean peekIs(int offset, String keyword) {
        int index = next + offset;
        return index < tokens.size() && tokens.get(index).is(keyword);
    }

    boolean peekIs(String keyword) {
        return peekIs(0, keyword);
    }

    boolean peekSymbol(String symbol) {
        return next < tokens.size() && tokens.get(next).isSymbol(symbol);
    }

    /** Takes the keywords when they all come next, in this order; takes nothing otherwise. */
    boolean take(String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            if (!peekIs(i, keywords[i])) {
                return false;
            }
        }
        next += keywords.length;
        return true;
    }

    boolean takeSymbol(String symbol) {
        if (peekSymbol(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    /** Skips an optional {@code IF EXISTS} or {@code IF NOT EXISTS}. */
    void skipIfExists() {
        if (take("IF", "NOT", "EXISTS")) {
            return;
        }
        take("IF", "EXISTS");
    }

    /** The next token's name when it is a name (keywords included: many are valid names), else null. */
    String name() {
        if (!atEnd() && tokens.get(next).isName()) {
            return tokens.get(next++).name();
        }
        return null;
    }

    /** Reads {@code a.b.c} into its parts; empty when no name comes next. */
    List<String> qualifiedName() {
        List<String> parts = new ArrayList<>();
        String part = name();
        while (part != null) {
            parts.add(part);
            part = takeSymbol(".") ? name() : null;
        }
        return parts;
    }

    /** Reads a balanced parenthesised group and returns what is inside it; empty when none comes next. */
    List<SqlToken> group() {
        if (!peekSymbol("(")) {
            return List.of();
        }
        int start = next + 1;
        int depth = 0;
        while (!atEnd()) {
            SqlToken token = tokens.get(next++);
            depth += depth(token);
            if (depth == 0) {
                return tokens.subList(start, next - 1);
            }
        }
        return tokens.subList(start, next);
    }

    /** The tokens from the current position to the end. */
    List<SqlToken> rest() {
        return tokens.subList(Math.min(next, tokens.size()), tokens.size());
    }

    /** +1 for an opening bracket, -1 for a closing one, 0 otherwise. */
    static int depth(SqlToken token) {
        if (token.isSymbol("(") || token.isSymbol("[")) {
            return 1;
        }
        return token.isSymbol(")") || token.isSymbol("]") ? -1 : 0;
    }

    /** Splits tokens at the separator symbol where it is outside any brackets. */
    static List<List<SqlToken>> split(List<SqlToken> tokens, String separator) {
        List<List<SqlToken>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            depth += depth(token);
            if (depth == 0 && token.isSymbol(separator)) {
                if (i > start) {
                    parts.add(tokens.subList(start, i));
                }
                start = i + 1;
            }
        }
        if (start < tokens.size()) {
            parts.add(tokens.subList(start, tokens.size()));
        }
        return Collections.unmodifiableList(parts);
    }

    /** Whether the keywords occur in sequence outside any brackets, e.g. {@code NOT VALID}. */
    static boolean containsAtTopLevel(List<SqlToken> tokens, String... keywords) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            depth += depth(tokens.get(i));
            if (depth == 0 && matchesAt(tokens, i, keywords)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(List<SqlToken> tokens, int index, String... keywords) {
        if (index + keywords.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < keywords.length; k++) {
            if (!tokens.get(index + k).is(keywords[k])) {
                return false;
            }
        }
        return true;
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
