package io.schemagov.analyzer.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong clock = new AtomicLong(1_000);

    @Test
    void allowsTheBurstThenRefusesUntilRefilled() {
        TokenBucket bucket = new TokenBucket(3, 60, clock::get);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
        assertThat(bucket.nanosUntilToken()).isEqualTo(TimeUnit.SECONDS.toNanos(1));
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
        assertThat(bucket.tryAcquire()).isFalse();
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(bucket.tryAcquire()).isTrue();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 60, clock::get);
        clock.addAndGet(TimeUnit.HOURS.toNanos(1));
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
    }
}
