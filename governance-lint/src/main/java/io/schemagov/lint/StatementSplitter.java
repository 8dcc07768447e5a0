package io.schemagov.lint;

import io.schemagov.lint.ScriptPart.MetaCommand;
import io.schemagov.lint.ScriptPart.Statement;
import io.schemagov.lint.SqlToken.Kind;
import io.schemagov.rules.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL migration script into statements as psql does: at semicolons outside string constants
 * ('' with doubled quotes, E'' with backslash escapes, $$ and $tag$ bodies), quoted identifiers, -- comments,
 * nested block comments, parentheses and the BEGIN ATOMIC ... END body of a SQL-standard function. Lines starting
 * with a backslash are psql meta-commands, kept apart. Unterminated quotes and comments run to the end of the text,
 * where the server would report them; the statements before them are still returned.
 */
final class StatementSplitter {

    private final String sql;
    private int pos;
    private int line = 1;
    private final List<ScriptPart> parts = new ArrayList<>();
    private final List<SqlToken> tokens = new ArrayList<>();
    private int statementStart;
    private int statementLine;
    private int parenDepth;
    private final AtomicBodies atomic = new AtomicBodies();

    private StatementSplitter(String sql) {
        this.sql = sql;
    }

    /** The statements and meta-commands of the script, in order. */
    static List<ScriptPart> split(String sql) {
        StatementSplitter splitter = new StatementSplitter(sql);
        splitter.scan();
        return List.copyOf(splitter.parts);
    }

    private void scan() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '\\' && atLineStart()) {
                metaCommand();
            } else if (startsWith("--")) {
                skipTo(lineEnd());
            } else if (startsWith("/*")) {
                blockComment();
            } else if (c == ';' && parenDepth == 0 && !atomic.inBody()) {
                endStatement(pos, trailingComment());
            } else {
                token(c);
            }
        }
        endStatement(pos);
    }

    private void token(char c) {
        int startLine = line;
        SqlToken token;
        if (c == '\'') {
            token = new SqlToken(Kind.STRING, quoted('\'', false));
        } else if (c == '"') {
            token = new SqlToken(Kind.QUOTED, quoted('"', false));
        } else if (c == '$' && dollarTag() != null) {
            token = new SqlToken(Kind.STRING, dollarQuoted(dollarTag()));
        } else if (isWordPart(c)) {
            token = word();
        } else {
            pos++;
            parenDepth += c == '(' ? 1 : c == ')' && parenDepth > 0 ? -1 : 0;
            token = new SqlToken(Kind.SYMBOL, String.valueOf(c));
        }
        if (tokens.isEmpty()) {
            statementLine = startLine;
        }
        tokens.add(token);
        atomic.saw(tokens, parenDepth);
    }

    /** A word, or the E'' string it introduces, in which a backslash escapes the next character. */
    private SqlToken word() {
        int start = pos;
        while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
            pos++;
        }
        String text = sql.substring(start, pos);
        if (text.equalsIgnoreCase("e") && pos < sql.length() && sql.charAt(pos) == '\'') {
            return new SqlToken(Kind.STRING, quoted('\'', true));
        }
        return new SqlToken(Kind.WORD, text);
    }

    /** The content of a quoted run whose quote is escaped by doubling it (and by a backslash when asked). */
    private String quoted(char quote, boolean backslashEscapes) {
        SqlText.Quoted quoted = SqlText.quoted(sql, pos, quote, backslashEscapes);
        skipTo(quoted.end());
        return quoted.content();
    }

    /** The opening tag at pos such as {@code $$} or {@code $body$}; null for {@code $1} or a lone dollar. */
    private String dollarTag() {
        int end = pos + 1;
        while (end < sql.length() && isWordPart(sql.charAt(end)) && sql.charAt(end) != '$') {
            end++;
        }
        if (end >= sql.length() || sql.charAt(end) != '$' || (end > pos + 1 && Character.isDigit(sql.charAt(pos + 1)))) {
            return null;
        }
        return sql.substring(pos, end + 1);
    }

    private String dollarQuoted(String tag) {
        int bodyStart = pos + tag.length();
        int end = sql.indexOf(tag, bodyStart);
        int bodyEnd = end < 0 ? sql.length() : end;
        skipTo(bodyStart);
        skipTo(bodyEnd);
        pos = Math.min(sql.length(), bodyEnd + tag.length());
        return sql.substring(bodyStart, bodyEnd);
    }

    /** PostgreSQL's block comments nest, unlike the SQL standard's. */
    private void blockComment() {
        skipTo(SqlText.blockCommentEnd(sql, pos));
    }

    /** psql runs a backslash line itself; {@code \g} and its variants also send the statement typed so far. */
    private void metaCommand() {
        int start = pos;
        int startLine = line;
        String text = sql.substring(start, lineEnd()).strip();
        if (text.matches("\\\\g(x|exec|set|desc)?\\b.*")) {
            endStatement(start);
        }
        skipTo(lineEnd());
        parts.add(new MetaCommand(text, startLine));
        if (tokens.isEmpty()) {
            statementStart = pos;
        }
    }

    private void endStatement(int end) {
        if (!tokens.isEmpty()) {
            parts.add(new Statement(sql.substring(statementStart, end).strip(), statementLine, tokens));
        }
        tokens.clear();
        parenDepth = 0;
        atomic.reset();
        statementStart = end;
    }

    /**
     * Ends the statement at the semicolon at pos. A -- comment after it on the same line is the statement's own
     * (it may carry its schemagov:ignore), not the next one's.
     */
    private void endStatement(int semicolon, String trailingComment) {
        if (!tokens.isEmpty()) {
            String text = sql.substring(statementStart, semicolon).strip();
            parts.add(new Statement(trailingComment == null ? text : text + " " + trailingComment, statementLine,
                    tokens));
        }
        tokens.clear();
        parenDepth = 0;
        atomic.reset();
        statementStart = pos;
    }

    /** Moves past the semicolon at pos and a -- comment that follows it on the same line, returning the comment. */
    private String trailingComment() {
        pos++;
        int at = pos;
        while (at < sql.length() && (sql.charAt(at) == ' ' || sql.charAt(at) == '\t')) {
            at++;
        }
        if (!sql.startsWith("--", at)) {
            return null;
        }
        pos = at;
        int end = lineEnd();
        pos = end;
        return sql.substring(at, end).strip();
    }

    /** Whether only blanks precede pos on its line. */
    private boolean atLineStart() {
        for (int i = pos - 1; i >= 0 && sql.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(sql.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private int lineEnd() {
        int end = sql.indexOf('\n', pos);
        return end < 0 ? sql.length() : end;
    }

    /** Moves to {@code end}, counting the lines passed. */
    private void skipTo(int end) {
        advance(end - pos);
    }

    private void advance(int count) {
        for (int i = 0; i < count && pos < sql.length(); i++) {
            if (sql.charAt(pos) == '\n') {
                line++;
            }
            pos++;
        }
    }

    private boolean startsWith(String prefix) {
        return sql.startsWith(prefix, pos);
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
