package io.schemagov.ingest.publish;

import io.schemagov.ingest.config.IngestProperties.KafkaProperties;
import io.schemagov.ingest.mapping.OutboundRecord;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A producer of its own for a side stream of events (source health, maintenance runs), created on first use so that
 * its sender does not depend on the streams' start-up order, and sending one record at a time until Kafka took it.
 */
public final class OnDemandPublisher implements AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaProperties kafka;
    private final String clientId;
    private EventPublisher publisher;

    public OnDemandPublisher(KafkaProperties kafka, String clientId) {
        this.kafka = kafka;
        this.clientId = clientId;
    }

    /** Sends the record and waits until the broker acknowledged it ({@code acks=all}), for at most 30 seconds. */
    public void send(OutboundRecord record) throws Exception {
        EventPublisher producer = publisher();
        Future<?> sent = producer.send(record);
        producer.flush();
        sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private synchronized EventPublisher publisher() {
        if (publisher == null) {
            publisher = new EventPublisher(kafka, clientId);
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
