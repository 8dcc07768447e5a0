package io.schemagov.ingest.metrics;

import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.mapping.OutboundRecord;
import io.schemagov.ingest.publish.OnDemandPublisher;
import io.schemagov.model.EventCodec;
import io.schemagov.model.SourceHealthEvent;
import org.springframework.stereotype.Component;

/**
 * Publishes source health events to {@code schemagov.ingest.kafka.source-health-topic}, keyed by database so that
 * one source's readings stay in order on one partition. Its own producer, created on first use, so that the monitor
 * does not depend on the streams' start-up order.
 */
@Component
class KafkaSourceHealthSink implements SourceHealthSink, AutoCloseable {

    private final String topic;
    private final OnDemandPublisher publisher;

    KafkaSourceHealthSink(IngestProperties properties) {
        this.topic = properties.kafka().sourceHealthTopic();
        this.publisher = new OnDemandPublisher(properties.kafka(), "schemagov-ingest-source-health");
    }

    @Override
    public void publish(SourceHealthEvent event) throws Exception {
        publisher.send(OutboundRecord.of(topic, event.getDatabase(), EventCodec.encode(event)));
    }

    @Override
    public void close() {
        publisher.close();
    }
}
