package io.schemagov.dashboard.findings;

import io.schemagov.dashboard.api.ApiException;
import io.schemagov.dashboard.api.Parameters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates the raw query parameters of the findings list and export into a {@link FindingQuery}. Unknown
 * parameters are ignored; a bad value fails with a 400 naming the parameter.
 */
final class FindingQueryParser {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    /** Bounds the size of the Elasticsearch terms filters a single request can ask for. */
    static final int MAX_VALUES = 100;
    /** A real cursor is under 1 KB; anything far longer is garbage or abuse. */
    static final int MAX_CURSOR_LENGTH = 4096;
    static final int MAX_TEXT_LENGTH = 500;
    static final Set<String> STATUSES = Set.of("open", "resolved", "suppressed", "acknowledged");
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,6})([mhdw])");

    private FindingQueryParser() {
    }

    static FindingQuery parse(Map<String, List<String>> params, Instant now) {
        FindingSort sort = sort(single(params, "sort"));
        FindingCursor after = cursor(single(params, "after"));
        if (after != null && after.sort() != sort) {
            throw ApiException.badParameter("after", "this cursor continues the order '" + after.sort().parameter()
                    + "', not '" + sort.parameter() + "'");
        }
        return new FindingQuery(filter(params, now), sort, size(single(params, "size")), after);
    }

    /** The filter alone, as the list, the export and the overview share it. */
    static FindingFilter filter(Map<String, List<String>> params, Instant now) {
        Instant from = instant("from", single(params, "from"));
        String since = single(params, "since");
        if (since != null) {
            if (from != null) {
                throw ApiException.badParameter("since", "give either since or from, not both");
            }
            from = now.minus(relative(since));
        }
        Instant to = instant("to", single(params, "to"));
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badParameter("to", "must be after from");
        }
        return new FindingFilter(
                values(params, "severity", FindingQueryParser::severity, true),
                values(params, "database", UnaryOperator.identity(), false),
                values(params, "status", FindingQueryParser::status, true),
                values(params, "rule", UnaryOperator.identity(), true),
                values(params, "schema", UnaryOperator.identity(), false),
                values(params, "table", UnaryOperator.identity(), false),
                values(params, "actor", UnaryOperator.identity(), false),
                text(single(params, "q")), from, to, instant("detectedAfter", single(params, "detectedAfter")));
    }

    /**
     * The distinct non-blank values of a repeatable parameter; {@code splitCommas} also accepts
     * {@code severity=HIGH,CRITICAL}, but never for names, which may contain commas.
     */
    private static List<String> values(Map<String, List<String>> params, String name,
                                       UnaryOperator<String> check, boolean splitCommas) {
        Set<String> result = new LinkedHashSet<>();
        for (String raw : params.getOrDefault(name, List.of())) {
            List<String> parts = splitCommas ? List.of(raw.split(",")) : List.of(raw);
            for (String part : parts) {
                if (!part.isBlank()) {
                    result.add(check.apply(part.trim()));
                }
            }
        }
        if (result.size() > MAX_VALUES) {
            throw ApiException.badParameter(name, "at most " + MAX_VALUES + " values are allowed");
        }
        return new ArrayList<>(result);
    }

    private static String severity(String value) {
        return Severity.parse(value)
                .map(Enum::name)
                .orElseThrow(() -> ApiException.badParameter("severity",
                        "unknown severity '" + Parameters.abbreviate(value) + "'; expected one of " + Severity.allNames()));
    }

    private static String status(String value) {
        String status = value.toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw ApiException.badParameter("status", "unknown status '" + Parameters.abbreviate(value)
                    + "'; expected open, acknowledged, suppressed or resolved");
        }
        return status;
    }

    private static FindingSort sort(String value) {
        if (value == null) {
            return FindingSort.NEWEST;
        }
        return FindingSort.parse(value).orElseThrow(() -> ApiException.badParameter("sort",
                "unknown order '" + Parameters.abbreviate(value) + "'; expected newest, oldest or severity"));
    }

    private static String text(String value) {
        if (value != null && value.length() > MAX_TEXT_LENGTH) {
            throw ApiException.badParameter("q", "at most " + MAX_TEXT_LENGTH + " characters");
        }
        return value;
    }

    static Instant instant(String name, String value) {
        return Parameters.instant(name, value);
    }

    /** {@code 30m}, {@code 24h}, {@code 7d}, {@code 2w}. */
    static Duration relative(String value) {
        Matcher m = RELATIVE.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw ApiException.badParameter("since", "expected a period such as 30m, 24h, 7d or 2w, got '"
                    + Parameters.abbreviate(value) + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw ApiException.badParameter(name, "expected a single value");
        }
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).trim();
    }

    private static int size(String value) {
        if (value == null) {
            return DEFAULT_SIZE;
        }
        int size;
        try {
            size = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("size", "not a number: '" + Parameters.abbreviate(value) + "'");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badParameter("size", "must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        return size;
    }

    private static FindingCursor cursor(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_CURSOR_LENGTH) {
            throw ApiException.badParameter("after", "malformed cursor (too long)");
        }
        try {
            return FindingCursor.decode(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("after", "malformed cursor; use the 'next' value of a previous page");
        }
    }
}
