package io.schemagov.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.schemagov.ingest.config.IngestProperties.KafkaProperties;
import io.schemagov.ingest.mapping.OutboundRecord;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * The ingest's own meters, names and tags in one place: events published per source and kind, and
 * the seconds since a source last published one. The replication slot lag is {@link SlotLagMonitor}'s.
 */
public class IngestMetrics {

    /** Counter of events Kafka acknowledged; tags {@code source}, {@code kind} (schema, data, dead-letter). */
    public static final String EVENTS = "schemagov.ingest.events";
    /** Gauge of the seconds since the source's last event reached Kafka (since start-up before the first); tag {@code source}. */
    public static final String LAST_EVENT_AGE = "schemagov.ingest.last.event.age";
    /** Gauge of the bytes of WAL the source's replication slot holds back (not yet confirmed); tag {@code source}. */
    public static final String SLOT_LAG = "schemagov.ingest.replication.slot.lag";

    /** Every name above, e.g. for a check that a dashboard queries only real meters. */
    public static final List<String> NAMES = List.of(EVENTS, LAST_EVENT_AGE, SLOT_LAG);

    private final MeterRegistry registry;
    private final KafkaProperties kafka;
    private final Clock clock;

    public IngestMetrics(MeterRegistry registry, KafkaProperties kafka, Clock clock) {
        this.registry = registry;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Registers the slot lag gauge of one source, reading the bytes from {@code lag} (NaN while unknown). */
    public static void slotLag(MeterRegistry registry, String source, DoubleSupplier lag) {
        Gauge.builder(SLOT_LAG, lag, DoubleSupplier::getAsDouble).baseUnit("bytes").tag("source", source)
                .description("WAL held back by the source's replication slot").strongReference(true).register(registry);
    }

    /** The meters of one source; registers its last-event gauge, counting from now. */
    public Source source(String name) {
        return new Source(name);
    }

    /** What one source counts; called by its stream once Kafka acknowledged the records. */
    public final class Source {

        private final String name;
        private final AtomicLong lastEventMillis = new AtomicLong(clock.millis());

        private Source(String name) {
            this.name = name;
            Gauge.builder(LAST_EVENT_AGE, lastEventMillis, last -> (clock.millis() - last.get()) / 1000.0)
                    .description("Seconds since the source's last event reached Kafka").baseUnit("seconds")
                    .tag("source", name).strongReference(true).register(registry);
        }

        public void published(List<OutboundRecord> records) {
            if (records.isEmpty()) {
                return;
            }
            for (OutboundRecord record : records) {
                Counter.builder(EVENTS).tag("source", name).tag("kind", kind(record.topic())).register(registry).increment();
            }
            lastEventMillis.set(clock.millis());
        }

        private String kind(String topic) {
            if (topic.equals(kafka.schemaChangesTopic())) {
                return "schema";
            }
            if (topic.equals(kafka.dataChangesTopic())) {
                return "data";
            }
            return topic.equals(kafka.deadLetterTopic()) ? "dead-letter" : "other";
        }
    }
}
