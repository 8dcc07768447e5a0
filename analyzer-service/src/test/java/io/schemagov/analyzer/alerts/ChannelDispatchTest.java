package io.schemagov.analyzer.alerts;

import static io.schemagov.analyzer.alerts.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.schemagov.analyzer.alerts.AlertMessage.Kind;
import io.schemagov.analyzer.metrics.AnalyzerMetrics;
import io.schemagov.rules.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Dedup, rate limiting and resolutions of one channel, with an in-memory delivery log and a fake clock. */
class ChannelDispatchTest {

    private final AtomicLong clock = new AtomicLong();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<AlertMessage> sent = new ArrayList<>();
    private final InMemoryLog deliveryLog = new InMemoryLog();
    private final List<AlertMessage> deadLettered = new ArrayList<>();
    private boolean receiverDown;

    private final AlertChannel channel = new AlertChannel() {
        @Override
        public boolean supportsResolution() {
            return true;
        }

        @Override
        public void send(AlertMessage message) throws DeliveryException {
            if (receiverDown) {
                throw new DeliveryException("HTTP 500", true, null);
            }
            sent.add(message);
        }
    };

    private final ChannelDispatch dispatch = new ChannelDispatch("ops", channel,
            new Deliverer(new AlertProperties.Delivery(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)), d -> { }),
            deliveryLog, new AlertDeadLetters(null, new Links("http://dash")) {
                @Override
                void publish(String channelName, AlertMessage message, Deliverer.Outcome outcome) {
                    deadLettered.add(message);
                }
            }, new TokenBucket(2, 60, clock::get), new AnalyzerMetrics(registry));

    @Test
    void anAlertAChannelCannotQueueIsRecordedAsFailedAndDeadLetteredWithoutSending() {
        ChannelWorker worker = new ChannelWorker("ops", dispatch, Duration.ofSeconds(1), Duration.ofMillis(10), () -> false, 1);

        worker.offer(raised("queued", "prod")); // never taken: the worker is not started
        worker.offer(raised("overflowing", "prod"));

        assertThat(sent).isEmpty();
        assertThat(deadLettered).singleElement().satisfies(m -> assertThat(m.findings())
                .extracting(FindingAlert::findingId).containsExactly("overflowing"));
        assertThat(deliveryLog.entries.get("overflowing/" + Kind.ALERT)).containsEntry("status", DeliveryLog.FAILED);
    }

    @Test
    void everyAlertMessageIsCountedByChannelAndStatus() {
        receiverDown = true;
        dispatch.dispatch(List.of(raised("a", "prod")));
        receiverDown = false;
        dispatch.dispatch(List.of(raised("a", "prod"), raised("b", "prod"), raised("c", "other")));

        assertThat(registry.get(AnalyzerMetrics.ALERTS).tags("channel", "ops", "status", "failed").counter().count()).isEqualTo(1);
        // One message per database; the bucket of two has one token left, so "other" waits for the summary.
        assertThat(registry.get(AnalyzerMetrics.ALERTS).tags("channel", "ops", "status", "delivered").counter().count()).isEqualTo(1);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        dispatch.sendHeldBack(false);
        assertThat(registry.get(AnalyzerMetrics.ALERTS).tags("channel", "ops", "status", "delivered").counter().count()).isEqualTo(2);
    }

    @Test
    void findingAlreadyDeliveredIsNotSentAgain() {
        dispatch.dispatch(List.of(raised("a", "prod")));
        dispatch.dispatch(List.of(raised("a", "prod"), raised("b", "prod")));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).findings()).extracting(FindingAlert::findingId).containsExactly("b");
    }

    @Test
    void alertsBeyondTheRateLimitAreHeldBackAndSentAsOneSummary() {
        dispatch.dispatch(List.of(raised("a", "db1"), raised("b", "db2"), raised("c", "db3"), raised("d", "db4")));
        assertThat(sent).hasSize(2);
        assertThat(dispatch.hasHeldBack()).isTrue();
        dispatch.sendHeldBack(false);
        assertThat(sent).hasSize(2);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        dispatch.sendHeldBack(false);
        assertThat(sent).hasSize(3);
        assertThat(sent.get(2).heldBack()).isTrue();
        assertThat(sent.get(2).findings()).extracting(FindingAlert::findingId).containsExactly("c", "d");
        assertThat(dispatch.hasHeldBack()).isFalse();
    }

    @Test
    void resolutionGoesOnlyToFindingsThatWereAlertedAndOnlyOnce() {
        dispatch.dispatch(List.of(raised("a", "prod")));
        dispatch.dispatch(List.of(new Pending.StatusChanged("a", "resolved"), new Pending.StatusChanged("never-alerted", "resolved")));
        dispatch.dispatch(List.of(new Pending.StatusChanged("a", "resolved")));
        assertThat(sent).hasSize(2);
        AlertMessage resolution = sent.get(1);
        assertThat(resolution.kind()).isEqualTo(Kind.RESOLUTION);
        assertThat(resolution.findings()).singleElement().satisfies(f -> {
            assertThat(f.findingId()).isEqualTo("a");
            assertThat(f.status()).isEqualTo("resolved");
            assertThat(f.table()).isEqualTo("orders");
        });
    }

    @Test
    void stateFindingOpenAgainAfterItsResolutionIsANewIncidentAlertedAndResolvedAgain() {
        dispatch.dispatch(List.of(raised("slot", "prod")));
        dispatch.dispatch(List.of(new Pending.StatusChanged("slot", "resolved")));
        dispatch.dispatch(List.of(raised("slot", "prod"))); // the same finding id, open again
        dispatch.dispatch(List.of(raised("slot", "prod"))); // and redelivered: still one incident
        dispatch.dispatch(List.of(new Pending.StatusChanged("slot", "resolved")));
        dispatch.dispatch(List.of(new Pending.StatusChanged("slot", "resolved")));

        assertThat(sent).extracting(AlertMessage::kind)
                .containsExactly(Kind.ALERT, Kind.RESOLUTION, Kind.ALERT, Kind.RESOLUTION);
    }

    @Test
    void failedDeliveryIsDeadLetteredRecordedAsFailedAndTriedAgainOnRedelivery() {
        receiverDown = true;
        dispatch.dispatch(List.of(raised("a", "prod")));
        assertThat(deadLettered).hasSize(1);
        assertThat(deliveryLog.entries.get("a/ALERT").get("status")).isEqualTo("failed");
        receiverDown = false;
        dispatch.dispatch(List.of(raised("a", "prod")));
        assertThat(sent).hasSize(1);
        assertThat(deliveryLog.entries.get("a/ALERT").get("status")).isEqualTo("delivered");
    }

    private static Pending raised(String id, String database) {
        return new Pending.Raised(finding(id, database, Severity.HIGH));
    }

    /** The delivery log's contract, kept in a map. */
    private static final class InMemoryLog extends DeliveryLog {
        final Map<String, Map<String, Object>> entries = new HashMap<>();
        private long recorded;

        InMemoryLog() {
            super(null, null);
        }

        @Override
        Map<String, Map<String, Object>> delivered(String channel, Kind kind, List<String> findingIds) {
            Map<String, Map<String, Object>> found = new HashMap<>();
            for (String id : findingIds) {
                Map<String, Object> entry = entries.get(id + "/" + kind);
                if (entry != null && DELIVERED.equals(entry.get("status"))) {
                    found.put(id, entry);
                }
            }
            return found;
        }

        @Override
        void record(String channel, AlertMessage message, Deliverer.Outcome outcome) {
            for (FindingAlert f : message.findings()) {
                entries.put(f.findingId() + "/" + message.kind(), Map.of("status", outcome.delivered() ? DELIVERED : FAILED,
                        "ruleId", f.ruleId(), "severity", f.severity().name(), "database", f.database(), "table", f.table(),
                        "at", Instant.EPOCH.plusSeconds(++recorded).toString()));
            }
        }
    }
}
