package io.schemagov.rules;


/** One lexical token of SQL text, just detailed enough to recognise keywords and names. */
record SqlToken(Kind kind, String text) {

    enum Kind {
        /** An unquoted keyword or identifier. */
        WORD,
        /** A double-quoted identifier; text is the name without quotes. */
        QUOTED,
        /** A string or dollar-quoted literal; its content never matters to the rules, so it is dropped. */
        LITERAL,
        /** Anything else: punctuation, operators, numbers. */
        SYMBOL
    }

    /** Whether this is the unquoted keyword {@code keyword}, in any letter case. */
    boolean is(String keyword) {
        // Keywords are mostly written in upper case, as they are asked for: an exact comparison settles most.
        return kind == Kind.WORD && (text.equals(keyword) || text.equalsIgnoreCase(keyword));
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** The name this token denotes: PostgreSQL folds unquoted identifiers to lower case, quoted ones are exact. */
    String name() {
        return kind == Kind.WORD ? LowerCaseText.of(text) : text;
    }
}
