package io.schemagov.rules;

/** Where PostgreSQL's comments end in SQL text, for every reader of statements (the rules' scanner, the migration lint). */
public final class SqlComments {

    private SqlComments() {
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
}
