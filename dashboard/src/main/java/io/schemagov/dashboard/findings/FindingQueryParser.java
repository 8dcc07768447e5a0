package io.schemagov.dashboard.findings;

import io.schemagov.dashboard.api.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Validates the raw query parameters of {@code GET /api/findings} into a {@link FindingQuery}. */
final class FindingQueryParser {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    /** Bounds the size of the Elasticsearch terms filters a single request can ask for. */
    static final int MAX_VALUES = 100;
    /** A real cursor is under 1 KB; anything far longer is garbage or abuse. */
    static final int MAX_CURSOR_LENGTH = 4096;
    static final Set<String> STATUSES = Set.of("open", "resolved");

    private FindingQueryParser() {
    }

    /** Parses the parameters; unknown parameters are ignored, bad values fail with a 400 naming the parameter. */
    static FindingQuery parse(Map<String, List<String>> params) {
        return new FindingQuery(
                values(params, "severity", FindingQueryParser::severity, true),
                values(params, "database", UnaryOperator.identity(), false),
                values(params, "status", FindingQueryParser::status, true),
                size(single(params, "size")),
                cursor(single(params, "after")));
    }

    /**
     * The distinct non-blank values of a repeatable parameter; {@code splitCommas} also accepts
     * {@code severity=HIGH,CRITICAL}, but never for databases, whose names may contain commas.
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
                        "unknown severity '" + abbreviate(value) + "'; expected one of " + Severity.allNames()));
    }

    private static String status(String value) {
        if (!STATUSES.contains(value)) {
            throw ApiException.badParameter("status",
                    "unknown status '" + abbreviate(value) + "'; expected open or resolved");
        }
        return value;
    }

    private static String single(Map<String, List<String>> params, String name) {
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
            throw ApiException.badParameter("size", "not a number: '" + abbreviate(value) + "'");
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

    /** Echoes client input back only in short form, so error bodies stay small. */
    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
