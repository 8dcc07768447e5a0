package io.schemagov.rules;

import io.schemagov.rules.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements made of tokens, dropping comments and reducing literals to a placeholder,
 * so that a keyword inside a comment or a string can never be mistaken for part of the statement.
 * It is a lexer, not a parser: it follows PostgreSQL's rules for comments (nested block comments),
 * standard and E'' strings, dollar quoting and quoted identifiers.
 */
final class SqlScanner {

    /**
     * The last text scanned on this thread and its statements: the engine runs a dozen rules over the same event
     * one after the other, and each reads the statement; scanning it once instead of per rule is most of the
     * engine's throughput. Keyed by identity, as the event's text is one String object for all of them.
     */
    private static final ThreadLocal<Scanned> LAST = new ThreadLocal<>();

    private record Scanned(String sql, List<List<SqlToken>> statements) {
    }

    /** Each ASCII character as a one-character string, made once: statements are full of parentheses and commas. */
    private static final String[] ASCII = new String[128];

    static {
        for (char c = 0; c < ASCII.length; c++) {
            ASCII[c] = String.valueOf(c);
        }
    }

    private final String sql;
    private int pos;
    private final List<List<SqlToken>> statements = new ArrayList<>();
    private final List<SqlToken> current = new ArrayList<>();

    private SqlScanner(String sql) {
        this.sql = sql;
    }

    /** The non-empty statements of the text, in order; empty for null or blank text. */
    static List<List<SqlToken>> statements(String sql) {
        if (sql == null) {
            return List.of();
        }
        Scanned last = LAST.get();
        if (last != null && last.sql() == sql) {
            return last.statements();
        }
        SqlScanner scanner = new SqlScanner(sql);
        scanner.scan();
        List<List<SqlToken>> statements = List.copyOf(scanner.statements); // each one copied as it ended
        LAST.set(new Scanned(sql, statements));
        return statements;
    }

    private void scan() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (startsWith("--")) {
                skipLineComment();
            } else if (startsWith("/*")) {
                skipBlockComment();
            } else if (c == ';') {
                endStatement();
                pos++;
            } else if (c == '\'') {
                skipQuoted('\'', false);
                add(Kind.LITERAL, "''");
            } else if (c == '"') {
                add(Kind.QUOTED, quotedIdentifier());
            } else if (c == '$' && dollarTag() != null) {
                skipDollarQuoted(dollarTag());
                add(Kind.LITERAL, "''");
            } else if (isWordStart(c)) {
                word();
            } else {
                pos++;
                add(Kind.SYMBOL, c < ASCII.length ? ASCII[c] : String.valueOf(c));
            }
        }
        endStatement();
    }

    private void word() {
        int start = pos;
        while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
            pos++;
        }
        // E'...' is one literal in which backslash escapes a quote, so it must be skipped as such.
        boolean e = pos - start == 1 && (sql.charAt(start) == 'e' || sql.charAt(start) == 'E');
        if (e && pos < sql.length() && sql.charAt(pos) == '\'') {
            skipQuoted('\'', true);
            add(Kind.LITERAL, "''");
        } else {
            add(Kind.WORD, sql.substring(start, pos));
        }
    }

    private void skipLineComment() {
        int end = sql.indexOf('\n', pos);
        pos = end < 0 ? sql.length() : end + 1;
    }

    private void skipBlockComment() {
        pos = SqlText.blockCommentEnd(sql, pos);
    }

    /** Skips a quoted run whose quote is escaped by doubling it (and by backslash when asked). */
    private String skipQuoted(char quote, boolean backslashEscapes) {
        SqlText.Quoted quoted = SqlText.quoted(sql, pos, quote, backslashEscapes);
        pos = quoted.end();
        return quoted.content();
    }

    private String quotedIdentifier() {
        return skipQuoted('"', false);
    }

    /** The opening tag at pos such as {@code $$} or {@code $body$}, or null when the $ is no dollar quote. */
    private String dollarTag() {
        int end = pos + 1;
        while (end < sql.length() && isWordPart(sql.charAt(end)) && sql.charAt(end) != '$') {
            end++;
        }
        if (end >= sql.length() || sql.charAt(end) != '$') {
            return null;
        }
        String tag = sql.substring(pos, end + 1);
        // $1 is a parameter reference: a tag may not start with a digit.
        return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
    }

    private void skipDollarQuoted(String tag) {
        int end = sql.indexOf(tag, pos + tag.length());
        pos = end < 0 ? sql.length() : end + tag.length();
    }

    private boolean startsWith(String prefix) {
        return sql.startsWith(prefix, pos);
    }

    private void add(Kind kind, String text) {
        current.add(new SqlToken(kind, text));
    }

    private void endStatement() {
        if (!current.isEmpty()) {
            statements.add(List.copyOf(current));
            current.clear(); // the copy is the statement's: the list can take the next one
        }
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || Character.isDigit(c);
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
