package io.schemagov.dashboard.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading the simple request parameters the API routes share; a bad value is a 400 naming the parameter. */
public final class Parameters {

    private Parameters() {
    }

    /** An ISO-8601 instant, or null when the parameter is absent or blank. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, "not an ISO-8601 instant such as 2026-11-01T00:00:00Z: '"
                    + abbreviate(value) + "'");
        }
    }

    /** The value, which must be given. */
    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badParameter(name, "required");
        }
        return value;
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Echoes client input back only in short form, so error bodies stay small. */
    public static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
