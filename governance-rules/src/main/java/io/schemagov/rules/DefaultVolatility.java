package io.schemagov.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges from its text whether a column DEFAULT is volatile, which decides whether ADD COLUMN rewrites the
 * table (PostgreSQL 11+ stores a non-volatile default once, in the catalog, instead of in every row).
 */
enum DefaultVolatility {
    /** Constants and stable or immutable calls such as now(): the value is computed once. */
    NOT_VOLATILE,
    /** Calls a function known to be volatile: computed per row, so the table is rewritten. */
    VOLATILE,
    /** Calls a function this list does not know; only the event's rewrite record can tell. */
    UNKNOWN;

    /** Volatile built-ins and the usual extension functions that people use as defaults. */
    private static final Set<String> VOLATILE_FUNCTIONS = Set.of("random", "random_normal", "gen_random_uuid",
            "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp",
            "timeofday", "nextval", "setval", "gen_random_bytes");

    /** Stable or immutable functions common in defaults; anything else is UNKNOWN, not assumed safe. */
    private static final Set<String> NOT_VOLATILE_FUNCTIONS = Set.of("now", "transaction_timestamp",
            "statement_timestamp", "current_timestamp", "current_time", "localtimestamp", "localtime",
            "current_setting", "cast", "coalesce", "nullif", "greatest", "least", "lower", "upper", "trim",
            "length", "abs", "round", "date_trunc", "make_date", "make_interval", "to_jsonb", "to_json",
            "jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array", "array", "row",
            "concat", "replace", "substring", "substr", "to_timestamp", "to_date", "timezone", "interval");

    static DefaultVolatility of(List<SqlToken> expression) {
        DefaultVolatility result = NOT_VOLATILE;
        for (int i = 0; i + 1 < expression.size(); i++) {
            SqlToken token = expression.get(i);
            boolean call = token.kind() == SqlToken.Kind.WORD && expression.get(i + 1).isSymbol("(");
            if (!call || isTypeName(expression, i)) {
                continue;
            }
            String function = token.text().toLowerCase(Locale.ROOT);
            if (VOLATILE_FUNCTIONS.contains(function)) {
                return VOLATILE;
            }
            if (!NOT_VOLATILE_FUNCTIONS.contains(function)) {
                result = UNKNOWN;
            }
        }
        return result;
    }

    /** numeric(12,2) after {@code ::} or {@code AS} is a type with modifiers, not a call. */
    private static boolean isTypeName(List<SqlToken> tokens, int index) {
        SqlToken previous = index > 0 ? tokens.get(index - 1) : null;
        return previous != null && (previous.isSymbol(":") || previous.is("AS"));
    }
}
