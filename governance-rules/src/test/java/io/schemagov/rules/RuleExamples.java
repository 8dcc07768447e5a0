package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the capture would record for a rule's documented example and fix: the SQL goes in as the statement, the rest
 * of the event (snapshot, rewrites, dropped objects) is what PostgreSQL does when it runs that SQL.
 *
 * @param example the event or table snapshot for the example's SQL
 * @param fix     the event or table snapshot for the fix's SQL
 */
record RuleExamples(Function<String, Object> example, Function<String, Object> fix) {

    private static final Pattern SETTING = Pattern.compile(
            "(?i)\\bSET\\s+(?:LOCAL\\s+)?(lock_timeout|statement_timeout)\\s*(?:=|TO)\\s*'(\\d+)\\s*(ms|s|min)'");

    /** The same kind of event for both; the SQL makes the difference. */
    static RuleExamples same(Function<String, Object> input) {
        return new RuleExamples(input, input);
    }

    static RuleExamples of(Function<String, Object> example, Function<String, Object> fix) {
        return new RuleExamples(example, fix);
    }

    /**
     * The event with the session a plain migration runs in, as the capture reads it: PostgreSQL's defaults (no
     * lock_timeout, no statement_timeout) unless the SQL sets them, and no transaction block.
     */
    static SchemaChangeEvent session(Events.Builder event, String sql) {
        SchemaChangeEvent built = event.build();
        return LockFixtures.session(built, setting(sql, "lock_timeout"), setting(sql, "statement_timeout"), false);
    }

    private static long setting(String sql, String name) {
        Matcher matcher = SETTING.matcher(sql);
        while (matcher.find()) {
            if (matcher.group(1).equalsIgnoreCase(name)) {
                long value = Long.parseLong(matcher.group(2));
                return switch (matcher.group(3).toLowerCase(Locale.ROOT)) {
                    case "ms" -> value;
                    case "s" -> value * 1000;
                    default -> value * 60_000;
                };
            }
        }
        return 0;
    }
}
