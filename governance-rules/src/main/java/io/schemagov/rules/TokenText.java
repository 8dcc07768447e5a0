package io.schemagov.rules;

import java.util.List;
import java.util.Set;

/** Turns tokens back into readable SQL for messages; literals, whose content the scanner drops, show as '…'. */
final class TokenText {

    /** Longer renderings are cut: a message should name a command, not reproduce it. */
    static final int MAX_LENGTH = 80;

    private static final Set<String> NO_SPACE_BEFORE = Set.of("(", ")", ",", ".", "[", "]", ":");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", ".", "[", ":");
    private static final Keywords KEYWORDS_BEFORE_PARENTHESES = Keywords.of("KEY", "IN", "AS", "CHECK", "UNIQUE",
            "EXCLUDE", "USING", "VALUES", "AND", "OR", "NOT", "WHERE", "WITH", "SET", "RESET", "DISTINCT", "IS",
            "ON", "FROM", "TO");

    private static final Keywords KEYWORDS = Keywords.of("ADD", "ALTER", "DROP", "SET", "RESET", "LOGGED",
            "UNLOGGED", "OWNER", "TO", "REPLICA", "IDENTITY", "FULL", "NOTHING", "DEFAULT", "USING", "INDEX", "ENABLE",
            "DISABLE", "FORCE", "NO", "ROW", "LEVEL", "SECURITY", "CLUSTER", "ON", "WITHOUT", "OIDS", "ACCESS",
            "METHOD", "TABLESPACE", "INHERIT", "OF", "NOT", "ALL", "IN", "OWNED", "BY", "NOWAIT", "OPTIONS");

    private TokenText() {
    }

    /** The tokens as written: for expressions and types, whose words are mostly names. */
    static String of(List<SqlToken> tokens) {
        return render(tokens, false);
    }

    /**
     * The tokens with the keywords of ALTER TABLE's simpler forms in upper case, so that labels read alike
     * however the statement was typed: {@code set logged} becomes {@code SET LOGGED}.
     */
    static String keywords(List<SqlToken> tokens) {
        return render(tokens, true);
    }

    private static String render(List<SqlToken> tokens, boolean upperKeywords) {
        StringBuilder text = new StringBuilder();
        SqlToken beforePrevious = null;
        SqlToken previous = null;
        for (SqlToken token : tokens) {
            // Type modifiers read as PostgreSQL prints them: numeric(12,2).
            boolean modifier = previous != null && previous.isSymbol(",") && isNumber(token)
                    && beforePrevious != null && isNumber(beforePrevious);
            if (previous != null && !modifier && spaceBetween(previous, token)) {
                text.append(' ');
            }
            String word = render(token);
            String keyword = upperKeywords && token.kind() == SqlToken.Kind.WORD ? KEYWORDS.find(word) : null;
            text.append(keyword != null ? keyword : word);
            beforePrevious = previous;
            previous = token;
        }
        return text.length() <= MAX_LENGTH ? text.toString() : text.substring(0, MAX_LENGTH - 1).trim() + "…";
    }

    private static boolean spaceBetween(SqlToken previous, SqlToken token) {
        boolean symbolAfter = previous.kind() == SqlToken.Kind.SYMBOL && NO_SPACE_AFTER.contains(previous.text());
        if (token.isSymbol("(")) {
            // A call or a type modifier reads as now() or numeric(12,2); after a keyword the space stays.
            return !symbolAfter && (previous.kind() != SqlToken.Kind.WORD
                    || KEYWORDS_BEFORE_PARENTHESES.contains(previous.text()));
        }
        boolean symbolBefore = token.kind() == SqlToken.Kind.SYMBOL && NO_SPACE_BEFORE.contains(token.text());
        return !symbolBefore && !symbolAfter;
    }

    private static boolean isNumber(SqlToken token) {
        return token.kind() == SqlToken.Kind.WORD && token.text().chars().allMatch(Character::isDigit);
    }

    private static String render(SqlToken token) {
        return switch (token.kind()) {
            case QUOTED -> "\"" + token.text().replace("\"", "\"\"") + "\"";
            case LITERAL -> "'…'";
            default -> token.text();
        };
    }
}
