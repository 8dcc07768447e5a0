package io.schemagov.analyzer.alerts;

import static io.schemagov.analyzer.alerts.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.rules.Severity;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelivererTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final Deliverer deliverer = new Deliverer(
            new AlertProperties.Delivery(4, Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1)), pauses::add);
    private final AlertMessage message = AlertMessage.group("ops", AlertMessage.Kind.ALERT,
            List.of(finding("a", "prod", Severity.HIGH))).get(0);

    /** Fails with the scripted exceptions, then takes the message. */
    private static final class ScriptedChannel implements AlertChannel {
        final Deque<DeliveryException> failures;
        int calls;

        ScriptedChannel(DeliveryException... failures) {
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public boolean supportsResolution() {
            return true;
        }

        @Override
        public void send(AlertMessage message) throws DeliveryException {
            calls++;
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
        }
    }

    @Test
    void retriesRetriableFailuresWithExponentialBackoffCappedAtTheMaximum() {
        ScriptedChannel channel = new ScriptedChannel(retriable(), retriable(), retriable());
        Deliverer.Outcome outcome = deliverer.deliver("ops", channel, message);
        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
    }

    @Test
    void honoursRetryAfterUpToTheLongestBackoff() {
        ScriptedChannel channel = new ScriptedChannel(
                new DeliveryException("HTTP 429", true, Duration.ofMillis(220)),
                new DeliveryException("HTTP 429", true, Duration.ofSeconds(60)));
        assertThat(deliverer.deliver("ops", channel, message).delivered()).isTrue();
        assertThat(pauses).containsExactly(Duration.ofMillis(220), Duration.ofMillis(250));
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastReason() {
        ScriptedChannel channel = new ScriptedChannel(retriable(), retriable(), retriable(), new DeliveryException("HTTP 503", true, null));
        Deliverer.Outcome outcome = deliverer.deliver("ops", channel, message);
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(outcome.error()).isEqualTo("HTTP 503");
        assertThat(pauses).hasSize(3);
    }

    @Test
    void doesNotRetryARefusal() {
        ScriptedChannel channel = new ScriptedChannel(new DeliveryException("HTTP 404", false, null));
        Deliverer.Outcome outcome = deliverer.deliver("ops", channel, message);
        assertThat(outcome.delivered()).isFalse();
        assertThat(channel.calls).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void channelThatThrowsIsAFailureNotACrash() {
        AlertChannel broken = new AlertChannel() {
            @Override
            public boolean supportsResolution() {
                return false;
            }

            @Override
            public void send(AlertMessage message) {
                throw new IllegalStateException("cannot render");
            }
        };
        Deliverer.Outcome outcome = deliverer.deliver("ops", broken, message);
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).contains("cannot render");
        assertThat(pauses).isEmpty();
    }

    private static DeliveryException retriable() {
        return new DeliveryException("HTTP 500", true, null);
    }
}
