package io.schemagov.ingest.engine;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.schemagov.ingest.mapping.ChangeRecordMapper;
import io.schemagov.ingest.mapping.OutboundRecord;
import io.schemagov.ingest.metrics.IngestMetrics;
import io.schemagov.ingest.publish.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Hands each batch Debezium delivers to Kafka, and tells Debezium a record is processed only
 * after the broker acknowledged everything made from it: a crash can repeat records, never
 * lose them.
 */
final class PublishingConsumer implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private final ChangeRecordMapper mapper;
    private final EventPublisher publisher;
    private final IngestMetrics.Source metrics;

    PublishingConsumer(ChangeRecordMapper mapper, EventPublisher publisher, IngestMetrics.Source metrics) {
        this.mapper = mapper;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        List<OutboundRecord> sent = new ArrayList<>();
        for (RecordChangeEvent<SourceRecord> record : records) {
            for (OutboundRecord outbound : mapper.map(record.record())) {
                sends.add(publisher.send(outbound));
                sent.add(outbound);
            }
        }
        publisher.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                // Nothing of this batch is marked processed: Debezium delivers it again after the restart.
                mapper.notPublished();
                throw new PublishFailedException("Kafka did not acknowledge a record: " + e.getCause().getMessage(), e.getCause());
            }
        }
        mapper.published();
        metrics.published(sent);
        for (RecordChangeEvent<SourceRecord> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
    }

    /** Kafka refused or lost a record; retriable by restarting the stream. */
    static final class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
