package io.schemagov.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.schemagov.ingest.config.IngestProperties.KafkaProperties;
import io.schemagov.ingest.mapping.OutboundRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ingest's counters and last-event gauge on an in-memory registry, with a clock the test moves. */
class IngestMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock();
    private final IngestMetrics metrics = new IngestMetrics(registry, new KafkaProperties("localhost:9092",
            "schemagov.schema-changes", "schemagov.data-changes", "schemagov.dlt", "schemagov.source-health", 3, (short) 1, 1), clock);

    @Test
    void publishedEventsAreCountedBySourceAndKind() {
        IngestMetrics.Source orders = metrics.source("orders-db");
        IngestMetrics.Source crm = metrics.source("crm");

        orders.published(List.of(record("schemagov.schema-changes"), record("schemagov.data-changes"),
                record("schemagov.data-changes"), record("schemagov.dlt")));
        crm.published(List.of(record("schemagov.schema-changes")));

        assertThat(count("orders-db", "schema")).isEqualTo(1);
        assertThat(count("orders-db", "data")).isEqualTo(2);
        assertThat(count("orders-db", "dead-letter")).isEqualTo(1);
        assertThat(count("crm", "schema")).isEqualTo(1);
    }

    @Test
    void lastEventAgeCountsFromStartUpThenFromTheLastPublishedEvent() {
        IngestMetrics.Source orders = metrics.source("orders-db");
        clock.advance(Duration.ofSeconds(40));
        assertThat(age("orders-db")).isEqualTo(40);

        orders.published(List.of(record("schemagov.data-changes")));
        clock.advance(Duration.ofMillis(2500));
        assertThat(age("orders-db")).isEqualTo(2.5);

        orders.published(List.of()); // a batch of heartbeats only: not an event
        clock.advance(Duration.ofSeconds(1));
        assertThat(age("orders-db")).isEqualTo(3.5);
    }

    private double count(String source, String kind) {
        return registry.get(IngestMetrics.EVENTS).tags("source", source, "kind", kind).counter().count();
    }

    private double age(String source) {
        return registry.get(IngestMetrics.LAST_EVENT_AGE).tag("source", source).gauge().value();
    }

    private static OutboundRecord record(String topic) {
        return OutboundRecord.of(topic, "key", new byte[0]);
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
