package io.schemagov.lint;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SET or RESET of lock_timeout or statement_timeout.
 *
 * @param names   the settings it changes (both for RESET ALL)
 * @param valueMs the new value in milliseconds, 0 for the default, or null when the value cannot be read
 */
record Setting(List<String> names, boolean local, Long valueMs) {

    private static final List<String> TIMEOUTS = List.of(Session.LOCK_TIMEOUT, Session.STATEMENT_TIMEOUT);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|min|h|d)?");

    /**
     * {@code SET [SESSION | LOCAL] name {TO | =} value | DEFAULT} and {@code RESET name | ALL}; null for other
     * statements and other settings.
     */
    static Setting of(Words words) {
        if (words.upper(0).equals("RESET")) {
            String name = words.upper(1).toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                return new Setting(TIMEOUTS, false, 0L);
            }
            return TIMEOUTS.contains(name) ? new Setting(List.of(name), false, 0L) : null;
        }
        if (!words.upper(0).equals("SET")) {
            return null;
        }
        boolean local = words.upper(1).equals("LOCAL");
        int at = local || words.upper(1).equals("SESSION") ? 2 : 1;
        String name = words.upper(at).toLowerCase(Locale.ROOT);
        if (!TIMEOUTS.contains(name)) {
            return null;
        }
        String value = words.textFrom(at + 2); // after TO or =
        return new Setting(List.of(name), local, value.equalsIgnoreCase("default") ? Long.valueOf(0L)
                : milliseconds(value));
    }

    /** PostgreSQL's time units; a number without a unit is milliseconds for both settings. */
    static Long milliseconds(String value) {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        double amount = Double.parseDouble(m.group(1));
        double factor = switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "us" -> 0.001;
            case "s" -> 1_000;
            case "min" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> 1;
        };
        return Math.round(amount * factor);
    }
}
