package io.schemagov.ingest.maintenance;

import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.mapping.OutboundRecord;
import io.schemagov.ingest.mapping.PartitionKeys;
import io.schemagov.ingest.publish.OnDemandPublisher;
import io.schemagov.model.EventCodec;
import io.schemagov.model.SchemaChangeEvent;
import org.springframework.stereotype.Component;

/**
 * Publishes the maintenance monitor's events to {@code schemagov.ingest.kafka.schema-changes-topic} with the key of
 * every other event about the table ({@link PartitionKeys}), through a producer of its own ({@code acks=all},
 * idempotent), created on first use.
 */
@Component
class KafkaSchemaChangeSink implements SchemaChangeSink, AutoCloseable {

    private final String topic;
    private final OnDemandPublisher publisher;

    KafkaSchemaChangeSink(IngestProperties properties) {
        this.topic = properties.kafka().schemaChangesTopic();
        this.publisher = new OnDemandPublisher(properties.kafka(), "schemagov-ingest-maintenance");
    }

    @Override
    public void publish(SchemaChangeEvent event) throws Exception {
        String key = PartitionKeys.of(event.getSource().getDatabase(), event);
        publisher.send(OutboundRecord.of(topic, key, EventCodec.encode(event)));
    }

    @Override
    public void close() {
        publisher.close();
    }
}
