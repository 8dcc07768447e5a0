package io.schemagov.analyzer.alerts;

import java.util.function.LongSupplier;

/** The rate limit of one channel: {@code burst} tokens, refilled continuously at {@code perMinute}. Not thread-safe. */
final class TokenBucket {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final int burst;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    TokenBucket(int burst, int perMinute, LongSupplier nanoClock) {
        this.burst = burst;
        this.tokensPerNano = (double) perMinute / NANOS_PER_MINUTE;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.refilledAt = nanoClock.getAsLong();
    }

    boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until the next token, zero when one is available now. */
    long nanosUntilToken() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
    }
}
