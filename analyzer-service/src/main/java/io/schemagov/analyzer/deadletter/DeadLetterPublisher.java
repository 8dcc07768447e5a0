package io.schemagov.analyzer.deadletter;

import io.schemagov.analyzer.config.AnalyzerProperties;
import io.schemagov.analyzer.metrics.AnalyzerMetrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends records that cannot be processed to the dead-letter topic, unchanged, with headers
 * saying why and where they came from; returns only once Kafka has them.
 */
@Component
public class DeadLetterPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final AnalyzerMetrics metrics;

    public DeadLetterPublisher(AnalyzerProperties properties, AnalyzerMetrics metrics) {
        this.metrics = metrics;
        this.topic = properties.kafka().deadLetterTopic();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "schemagov-analyzer-dlt"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A record that could not be processed and why. */
    public record DeadLetter(ConsumerRecord<String, byte[]> record, String reason) {
    }

    public void publish(List<DeadLetter> deadLetters) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (DeadLetter dead : deadLetters) {
            ConsumerRecord<String, byte[]> original = dead.record();
            ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, original.key(), original.value());
            original.headers().forEach(out.headers()::add);
            header(out, "schemagov.dlt.reason", dead.reason());
            header(out, "schemagov.dlt.stage", "analyzer");
            header(out, "schemagov.dlt.original-topic", original.topic());
            header(out, "schemagov.dlt.original-partition", Integer.toString(original.partition()));
            header(out, "schemagov.dlt.original-offset", Long.toString(original.offset()));
            log.warn("dead-lettering {}-{}@{}: {}", original.topic(), original.partition(), original.offset(), dead.reason());
            sends.add(producer.send(out));
        }
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new KafkaException("dead-letter topic " + topic + " did not take a record", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while dead-lettering", e);
            }
        }
        metrics.deadLetters("analyzer", sends.size());
    }

    /**
     * Sends an alert that no retry could deliver, keyed by the alert id, with the same reason and stage headers as
     * dead-lettered records; returns only once Kafka has it.
     */
    public void publishAlert(String alertId, byte[] body, String channel, String reason) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, alertId, body);
        header(out, "schemagov.dlt.reason", reason);
        header(out, "schemagov.dlt.stage", "alerts");
        header(out, "schemagov.dlt.channel", channel);
        log.warn("dead-lettering alert {} for channel {}: {}", alertId, channel, reason);
        try {
            producer.send(out).get();
            metrics.deadLetters("alerts", 1);
        } catch (ExecutionException e) {
            throw new KafkaException("dead-letter topic " + topic + " did not take alert " + alertId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while dead-lettering", e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
