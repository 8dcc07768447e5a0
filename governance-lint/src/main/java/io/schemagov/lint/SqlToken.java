package io.schemagov.lint;

import java.util.Locale;

/**
 * One lexical token of a migration statement, detailed enough to read its leading keywords and SET values.
 *
 * @param text a word as written, a quoted identifier or string without its quotes, or one symbol character
 */
record SqlToken(Kind kind, String text) {

    enum Kind {
        /** An unquoted keyword, identifier or number. */
        WORD,
        /** A double-quoted identifier. */
        QUOTED,
        /** A string constant ('', E'' or dollar-quoted). */
        STRING,
        /** Punctuation or an operator character. */
        SYMBOL
    }

    /** Whether this is the unquoted keyword, in any letter case. */
    boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** The identifier as PostgreSQL reads it: unquoted names fold to lower case, quoted ones keep their quotes. */
    String identifier() {
        return kind == Kind.QUOTED ? "\"" + text.replace("\"", "\"\"") + "\"" : text.toLowerCase(Locale.ROOT);
    }
}
