package io.schemagov.analyzer.alerts;

import io.schemagov.model.AlertEvent;
import io.schemagov.model.AlertKind;
import io.schemagov.model.AlertedFinding;
import io.schemagov.model.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes each message as an Avro {@link AlertEvent} for other systems, keyed by database so one database's alerts stay in order. */
final class KafkaAlertChannel implements AlertChannel {

    private final String topic;
    private final Links links;
    private final long timeoutMs;
    private final KafkaProducer<String, byte[]> producer;

    KafkaAlertChannel(String bootstrapServers, String topic, Links links, Duration timeout) {
        this.topic = topic;
        this.links = links;
        this.timeoutMs = timeout.toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "schemagov-analyzer-alerts"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public boolean supportsResolution() {
        return true;
    }

    @Override
    public void send(AlertMessage message) throws DeliveryException {
        try {
            producer.send(new ProducerRecord<>(topic, message.database(), EventCodec.encode(event(message))))
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DeliveryException("topic " + topic + " did not take the alert: " + e.getCause(), true, null);
        } catch (TimeoutException e) {
            throw new DeliveryException("topic " + topic + " did not answer within " + timeoutMs + " ms", true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", true, null);
        }
    }

    private AlertEvent event(AlertMessage message) {
        return AlertEvent.newBuilder()
                .setAlertId(message.id())
                .setKind(message.kind() == AlertMessage.Kind.RESOLUTION ? AlertKind.RESOLUTION : AlertKind.ALERT)
                .setDatabase(message.database())
                .setHeldBack(message.heldBack())
                .setFindings(message.findings().stream().map(f -> AlertedFinding.newBuilder()
                        .setFindingId(f.findingId()).setRuleId(f.ruleId()).setRuleTitle(f.ruleTitle())
                        .setSeverity(f.severity().name()).setStatus(f.status())
                        .setSchemaName(f.schema()).setTableName(f.table()).setStatement(f.statement())
                        .setMessage(f.message()).setActorRole(f.actorRole())
                        .setTableRows(f.tableRows()).setTableBytes(f.tableBytes())
                        .setLink(links.finding(f.findingId())).build()).toList())
                .setCreatedAt(Instant.now())
                .build();
    }

    @Override
    public void close() {
        producer.close();
    }
}
