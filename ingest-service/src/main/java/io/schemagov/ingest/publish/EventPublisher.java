package io.schemagov.ingest.publish;

import io.schemagov.ingest.config.IngestProperties.KafkaProperties;
import io.schemagov.ingest.mapping.OutboundRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces events to Kafka with {@code acks=all} and idempotence, so that a record counts as
 * sent only once every in-sync replica has it.
 */
public class EventPublisher implements AutoCloseable {

    /**
     * Up to this many bytes of one partition go in one produce batch. A row change of an audited table is a few
     * hundred bytes and every change of one table goes to one partition, so Kafka's 16 kB default gave batches of a
     * few dozen records, each paying for a new LZ4 stream and a request of its own.
     */
    private static final int BATCH_BYTES = 256 * 1024;

    private final KafkaProperties kafka;
    private final KafkaProducer<String, byte[]> producer;

    public EventPublisher(KafkaProperties kafka) {
        this(kafka, "schemagov-ingest");
    }

    public EventPublisher(KafkaProperties kafka, String clientId) {
        this.kafka = kafka;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, kafka.lingerMs(),
                ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.CLIENT_ID_CONFIG, clientId),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Creates the topics the ingest writes to, unless they exist. */
    public void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            for (String topic : List.of(kafka.schemaChangesTopic(), kafka.dataChangesTopic(), kafka.deadLetterTopic(),
                kafka.sourceHealthTopic())) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, kafka.partitions(), kafka.replicationFactor()))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create Kafka topic " + topic + " at " + kafka.bootstrapServers()
                                + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        }
    }

    public Future<RecordMetadata> send(OutboundRecord record) {
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(record.topic(), record.key(), record.value());
        record.headers().forEach((name, value) -> message.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return producer.send(message);
    }

    /**
     * Sends what is buffered now, without waiting for {@code linger-ms}, and returns when the broker answered for
     * every record sent before: the end of a delivery, so that the linger lets batches fill while records keep
     * coming but never delays the last of them.
     */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
