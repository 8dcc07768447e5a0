package io.schemagov.ingest.maintenance;

import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.mapping.OutboundRecord;
import io.schemagov.ingest.mapping.PartitionKeys;
import io.schemagov.ingest.publish.EventPublisher;
import io.schemagov.model.EventCodec;
import io.schemagov.model.SchemaChangeEvent;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Publishes the maintenance monitor's events to {@code schemagov.ingest.kafka.schema-changes-topic} with the key of
 * every other event about the table ({@link PartitionKeys}), through a producer of its own ({@code acks=all},
 * idempotent), created on first use.
 */
@Component
class KafkaSchemaChangeSink implements SchemaChangeSink, AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final IngestProperties.KafkaProperties kafka;
    private EventPublisher publisher;

    KafkaSchemaChangeSink(IngestProperties properties) {
        this.kafka = properties.kafka();
    }

    @Override
    public void publish(SchemaChangeEvent event) throws Exception {
        String key = PartitionKeys.of(event.getSource().getDatabase(), event);
        publisher().send(OutboundRecord.of(kafka.schemaChangesTopic(), key, EventCodec.encode(event)))
                .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private synchronized EventPublisher publisher() {
        if (publisher == null) {
            publisher = new EventPublisher(kafka, "schemagov-ingest-maintenance");
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
