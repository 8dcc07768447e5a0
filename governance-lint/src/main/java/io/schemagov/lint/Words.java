package io.schemagov.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a statement's tokens by position: its keywords, names and parenthesised option lists. */
final class Words {

    private final List<SqlToken> tokens;

    Words(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    /** The unquoted word at the index in upper case; empty for anything else or past the end. */
    String upper(int index) {
        if (index >= tokens.size() || tokens.get(index).kind() != SqlToken.Kind.WORD) {
            return "";
        }
        return tokens.get(index).text().toUpperCase(Locale.ROOT);
    }

    boolean startsWith(int index, String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            if (!upper(index + i).equals(keywords[i])) {
                return false;
            }
        }
        return true;
    }

    /** The index after the keyword when it stands at the index, else the index itself. */
    int skip(int index, String keyword) {
        return upper(index).equals(keyword) ? index + 1 : index;
    }

    /** The index after a parenthesised list that starts at the index, else the index itself. */
    int afterParentheses(int index) {
        if (index >= tokens.size() || !tokens.get(index).isSymbol("(")) {
            return index;
        }
        int depth = 0;
        for (int i = index; i < tokens.size(); i++) {
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                return i + 1;
            }
        }
        return tokens.size();
    }

    /** Whether the keyword appears outside every parenthesis. */
    boolean hasTopLevel(String keyword) {
        int depth = 0;
        for (SqlToken token : tokens) {
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.is(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** The tokens from the index on, written together: {@code 1.5s} from {@code 1 . 5s}, a string's content. */
    String textFrom(int index) {
        StringBuilder text = new StringBuilder();
        for (int i = index; i < tokens.size(); i++) {
            text.append(tokens.get(i).text());
        }
        return text.toString();
    }

    /** VACUUM FULL ... or VACUUM (FULL [true], ...). */
    boolean fullVacuum() {
        if (upper(1).equals("FULL")) {
            return true;
        }
        int end = afterParentheses(1);
        for (int i = 2; i < end - 1; i++) {
            if (tokens.get(i).is("FULL")) {
                String value = upper(i + 1);
                return !(value.equals("FALSE") || value.equals("OFF") || value.equals("0"));
            }
        }
        return false;
    }

    /**
     * The qualified name that follows, after CONCURRENTLY, IF [NOT] EXISTS and ONLY: {@code public.orders} or
     * {@code "Orders"}; null when no name comes next (CREATE INDEX ON ..., a list in parentheses).
     */
    String nameAfter(int index) {
        int at = skip(index, "CONCURRENTLY");
        if (upper(at).equals("IF")) {
            at = skip(skip(at + 1, "NOT"), "EXISTS");
        }
        at = skip(at, "ONLY");
        if (upper(at).equals("ON") || at >= tokens.size() || !tokens.get(at).isName()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.add(tokens.get(at).identifier());
        while (at + 2 < tokens.size() && tokens.get(at + 1).isSymbol(".") && tokens.get(at + 2).isName()) {
            at += 2;
            parts.add(tokens.get(at).identifier());
        }
        return String.join(".", parts);
    }
}
