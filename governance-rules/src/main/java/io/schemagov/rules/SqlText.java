package io.schemagov.rules;

/**
 * How PostgreSQL's comments and quoted runs end in SQL text, for every reader of statements (the rules' scanner, the
 * migration lint's splitter).
 */
public final class SqlText {

    private SqlText() {
    }

    /** A quoted run's content, with its escapes undone, and the index just past its closing quote. */
    public record Quoted(String content, int end) {
    }

    /**
     * The index just past the block comment that starts at {@code start} (at its {@code /*}), or the text's length when
     * it is never closed. PostgreSQL's block comments nest, unlike the SQL standard's.
     */
    public static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int pos = start;
        while (pos < sql.length()) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return pos;
                }
            } else {
                pos++;
            }
        }
        return sql.length();
    }

    /**
     * The quoted run that starts at {@code start} (at its opening {@code quote}), whose quote is escaped by doubling it,
     * and by a backslash when {@code backslashEscapes} (an {@code E''} string). Unclosed, it runs to the text's end.
     */
    public static Quoted quoted(String sql, int start, char quote, boolean backslashEscapes) {
        StringBuilder content = new StringBuilder();
        int pos = start + 1;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (backslashEscapes && c == '\\' && pos + 1 < sql.length()) {
                content.append(sql.charAt(pos + 1));
                pos += 2;
            } else if (c == quote && pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
                content.append(quote);
                pos += 2;
            } else if (c == quote) {
                return new Quoted(content.toString(), pos + 1);
            } else {
                content.append(c);
                pos++;
            }
        }
        return new Quoted(content.toString(), sql.length());
    }
}
