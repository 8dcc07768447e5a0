package io.schemagov.ingest;

import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.EventCodec;
import io.schemagov.model.SchemaChangeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads everything the ingest produced, for tests to wait on. */
final class EventCollector implements AutoCloseable {

    final List<SchemaChangeEvent> schemaChanges = new ArrayList<>();
    final List<DataChangeEvent> dataChanges = new ArrayList<>();
    final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final String source;

    /**
     * Collects the schema changes of one source only: the integration tests of this module share one Kafka, and
     * a test waiting for a statement must not take another test's event for it.
     */
    EventCollector(String bootstrapServers, String source) {
        this.source = source;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "collector-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of("schemagov.schema-changes", "schemagov.data-changes", "schemagov.dlt"));
    }

    SchemaChangeEvent awaitSchemaChange(Predicate<SchemaChangeEvent> match) {
        return await(schemaChanges, match);
    }

    DataChangeEvent awaitDataChange(Predicate<DataChangeEvent> match) {
        return await(dataChanges, match);
    }

    ConsumerRecord<String, byte[]> awaitDeadLetter(Predicate<ConsumerRecord<String, byte[]>> match) {
        return await(deadLetters, match);
    }

    private <T> T await(List<T> seen, Predicate<T> match) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (T item : seen) {
                if (match.test(item)) {
                    return item;
                }
            }
            poll();
        }
        throw new AssertionError("no matching event within 60 s; schema changes seen: "
                + schemaChanges.stream().map(e -> e.getCommandTag() + " " + e.getObjectIdentity()).toList());
    }

    void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            switch (record.topic()) {
                case "schemagov.schema-changes" -> {
                    SchemaChangeEvent event = EventCodec.decodeSchemaChange(record.value());
                    if (source.equals(event.getSource().getDatabase())) {
                        schemaChanges.add(event);
                    }
                }
                case "schemagov.data-changes" -> dataChanges.add(EventCodec.decodeDataChange(record.value()));
                default -> deadLetters.add(record);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
