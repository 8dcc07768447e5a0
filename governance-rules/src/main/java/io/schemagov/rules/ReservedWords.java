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

    /** Whether the name, in any letter case, is a reserved word. */
    static boolean isReserved(String name) {
        return RESERVED.contains(LowerCaseText.of(name));
    }
}
