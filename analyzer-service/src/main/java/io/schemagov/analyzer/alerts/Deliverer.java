package io.schemagov.analyzer.alerts;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message with retries: exponential back-off on retriable failures, the receiver's
 * Retry-After when it gives one (never more than the longest back-off), no retry on a refusal.
 */
final class Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** How one message ended: delivered, or failed with the last reason. */
    record Outcome(boolean delivered, int attempts, String error) {
    }

    private final AlertProperties.Delivery policy;
    private final Sleeper sleeper;

    Deliverer(AlertProperties.Delivery policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    Outcome deliver(String channelName, AlertChannel channel, AlertMessage message) {
        Duration backoff = policy.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                channel.send(message);
                return new Outcome(true, attempt, null);
            } catch (DeliveryException e) {
                if (!e.retriable() || attempt >= policy.maxAttempts()) {
                    return new Outcome(false, attempt, e.getMessage());
                }
                Duration pause = min(e.retryAfter().orElse(backoff), policy.maxBackoff());
                log.warn("alert {} to channel {}: attempt {}/{} failed ({}); retrying in {} ms", message.id(), channelName,
                        attempt, policy.maxAttempts(), e.getMessage(), pause.toMillis());
                if (!pause(pause)) {
                    return new Outcome(false, attempt, "interrupted while waiting to retry: " + e.getMessage());
                }
                backoff = min(backoff.multipliedBy(2), policy.maxBackoff());
            } catch (RuntimeException e) {
                // A message the channel cannot even build is poison: retrying cannot help, dead-lettering keeps it.
                return new Outcome(false, attempt, "cannot send: " + e);
            }
        }
    }

    private boolean pause(Duration pause) {
        try {
            sleeper.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
