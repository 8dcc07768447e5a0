package io.schemagov.analyzer.alerts;

import java.time.Duration;
import java.util.Optional;

/** A channel did not take a message; {@code retriable} when trying again later may help (5xx, 429, timeouts, I/O). */
final class DeliveryException extends Exception {

    private final boolean retriable;
    private final Duration retryAfter;

    DeliveryException(String reason, boolean retriable, Duration retryAfter) {
        super(reason);
        this.retriable = retriable;
        this.retryAfter = retryAfter;
    }

    boolean retriable() {
        return retriable;
    }

    /** The pause the receiver asked for (HTTP Retry-After), if it did. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
