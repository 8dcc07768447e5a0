package io.schemagov.ingest.metrics;

import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.mapping.OutboundRecord;
import io.schemagov.ingest.publish.EventPublisher;
import io.schemagov.model.EventCodec;
import io.schemagov.model.SourceHealthEvent;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Publishes source health events to {@code schemagov.ingest.kafka.source-health-topic}, keyed by database so that
 * one source's readings stay in order on one partition. Its own producer, created on first use, so that the monitor
 * does not depend on the streams' start-up order.
 */
@Component
class KafkaSourceHealthSink implements SourceHealthSink, AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final IngestProperties.KafkaProperties kafka;
    private EventPublisher publisher;

    KafkaSourceHealthSink(IngestProperties properties) {
        this.kafka = properties.kafka();
    }

    @Override
    public void publish(SourceHealthEvent event) throws Exception {
        publisher().send(OutboundRecord.of(kafka.sourceHealthTopic(), event.getDatabase(), EventCodec.encode(event)))
                .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private synchronized EventPublisher publisher() {
        if (publisher == null) {
            publisher = new EventPublisher(kafka, "schemagov-ingest-source-health");
        }
        return publisher;
    }

    @Override
    public synchronized void close() {
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }
}
