package io.schemagov.quickstart.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Splits each measured DDL latency into where the time went: commit to the ingest's send to
 * Kafka (the record's create time), Kafka to the analyzer picking it up (the finding's
 * {@code detectedAt}), and the analyzer to the finding being searchable. Everything is read
 * after the timed loop so that collecting it cannot slow what is timed.
 */
final class DdlStages {

    /** Wall-clock readings of one measured statement, in epoch milliseconds. */
    record Sample(String table, long latencyNanos, long committedAt, long foundAt) {
    }

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private DdlStages() {
    }

    /**
     * @param sentAt     the Kafka create time of each table's schema-change record
     * @param detectedAt when the analyzer started the batch holding each table's finding
     */
    static String describe(List<Sample> samples, Map<String, Long> sentAt, Map<String, Long> detectedAt) {
        List<Long> toKafka = new ArrayList<>();
        List<Long> toAnalyzer = new ArrayList<>();
        List<Long> toSearchable = new ArrayList<>();
        for (Sample sample : samples) {
            Long sent = sentAt.get(sample.table());
            Long detected = detectedAt.get(sample.table());
            if (sent == null || detected == null) {
                continue;
            }
            toKafka.add(millisAsNanos(sent - sample.committedAt()));
            toAnalyzer.add(millisAsNanos(detected - sent));
            toSearchable.add(millisAsNanos(sample.foundAt() - detected));
        }
        if (toKafka.isEmpty()) {
            return "  stages: not available (no Kafka record or finding matched)";
        }
        return String.format(Locale.ROOT, "  stages, p50/p99 ms: commit -> sent to Kafka %s, Kafka -> analyzer batch %s,"
                + " analyzer batch -> searchable %s", brief(toKafka), brief(toAnalyzer), brief(toSearchable));
    }

    private static String brief(List<Long> nanos) {
        LatencySummary summary = LatencySummary.of(nanos);
        return String.format(Locale.ROOT, "%.0f/%.0f", summary.p50(), summary.p99());
    }

    /** Negative values (clock granularity) are kept as they are; nanos only so LatencySummary can be reused. */
    private static long millisAsNanos(long millis) {
        return millis * 1_000_000L;
    }

    /** The create time of every record of {@code topic}, by the table named at the end of its key. */
    static Map<String, Long> kafkaCreateTimes(String bootstrapServers, String topic, Set<String> tables) {
        Map<String, Long> sentAt = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "schemagov-bench-stages"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reached(consumer, ends) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String table = tableOf(record.key());
                    if (tables.contains(table)) {
                        sentAt.putIfAbsent(table, record.timestamp());
                    }
                }
            }
        }
        return sentAt;
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /** Keys are {@code source/schema.table}; the findings name the table without its schema. */
    private static String tableOf(String key) {
        if (key == null) {
            return "";
        }
        String object = key.substring(key.indexOf('/') + 1);
        return object.substring(object.indexOf('.') + 1);
    }
}
