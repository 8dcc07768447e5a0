package io.schemagov.rules;

import java.util.Set;

/** PostgreSQL's reserved key words, which cannot name a table or column unless quoted. */
final class ReservedWords {

    /**
     * The words listed as reserved, and reserved except as function or type names, in PostgreSQL's key word
     * appendix (both categories fail as unquoted column names).
     */
    private static final Set<String> RESERVED = WordSet.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role", "current_schema",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group",
            "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral",
            "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null",
            "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references",
            "returning", "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
            "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic",
            "verbose", "when", "where", "window", "with");

    private ReservedWords() {
    }

    /** The longest reserved word's length, and which first letters begin a reserved word of which length. */
    private static final int LONGEST = RESERVED.stream().mapToInt(String::length).max().orElse(0);
    private static final boolean[][] STARTS = starts();

    private static boolean[][] starts() {
        boolean[][] starts = new boolean[26][LONGEST + 1];
        for (String word : RESERVED) {
            starts[word.charAt(0) - 'a'][word.length()] = true; // every reserved word starts with a-z
        }
        return starts;
    }

    /** Whether the name, in any letter case, is a reserved word. */
    static boolean isReserved(String name) {
        return mayBeReserved(name) && RESERVED.contains(LowerCaseText.of(name));
    }

    /**
     * False when an ASCII name's length and first letter match no reserved word, as they do not for most column
     * names: those are spared the lower-casing and the hashing. Other names may change length in lower case.
     */
    private static boolean mayBeReserved(String name) {
        if (name.isEmpty() || name.length() > LONGEST) {
            return !isAscii(name);
        }
        char first = name.charAt(0);
        if (first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z') {
            return STARTS[(first | 0x20) - 'a'][name.length()] || !isAscii(name);
        }
        return !isAscii(name);
    }

    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
