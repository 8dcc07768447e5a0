package io.schemagov.dashboard.findings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The severities a finding can have, lowest first (the ordinal is the stored {@code severityRank}). */
enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** Case-insensitive, so {@code severity=high} from a hand-typed URL works too. */
    static Optional<Severity> parse(String value) {
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }

    static String allNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
