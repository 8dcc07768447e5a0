package io.schemagov.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A decision to accept a rule's finding on an object, with who took it, why, and until when.
 *
 * @param author  who decided, or null when unknown (an inline comment is attributed to the role that ran the
 *                statement by whoever records it)
 * @param expires the last day the suppression holds, or null for no end
 */
public record Suppression(Source source, String author, String reason, LocalDate expires) {

    /** Where the suppression was declared. */
    public enum Source {
        /** The rules file. */
        CONFIG,
        /** A {@code schemagov:ignore} comment in the statement itself. */
        INLINE,
        /** A person in the dashboard. */
        DASHBOARD
    }

    public Suppression {
        Objects.requireNonNull(source, "source");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a suppression needs a reason");
        }
    }

    /** Whether it still holds on the given day (it holds through its expiry day). */
    public boolean activeOn(LocalDate day) {
        return expires == null || !day.isAfter(expires);
    }
}
