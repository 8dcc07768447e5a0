package io.schemagov.analyzer.pipeline;

import io.schemagov.analyzer.alerts.AlertStage;
import io.schemagov.analyzer.config.AnalyzerProperties;
import io.schemagov.analyzer.elasticsearch.ElasticsearchUnavailableException;
import io.schemagov.analyzer.elasticsearch.IndexSetup;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One consume loop of the analyzer: poll, process, and commit the offsets only after the
 * batch is in Elasticsearch or the dead-letter topic. When Elasticsearch or Kafka is
 * unavailable the batch is rewound and tried again after a pause, so nothing is skipped.
 */
public class AnalysisPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnalysisPipeline.class);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);

    private final String name;
    private final List<String> topics;
    private final String groupId;
    private final AnalyzerProperties.KafkaProperties kafka;
    private final BatchProcessor processor;
    private final IndexSetup indexSetup;
    private final AlertStage groupedAlerts;
    private final MeterRegistry registry;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile KafkaClientMetrics consumerMetrics;
    private volatile Thread worker;
    private volatile boolean running;

    /** {@code groupedAlerts}: the alert stage whose groups wait for this loop's batches, or null when it carries no findings. */
    public AnalysisPipeline(String name, List<String> topics, String groupId, AnalyzerProperties.KafkaProperties kafka,
                            BatchProcessor processor, IndexSetup indexSetup, AlertStage groupedAlerts, MeterRegistry registry) {
        this.registry = registry;
        this.name = name;
        this.topics = topics;
        this.groupId = groupId;
        this.kafka = kafka;
        this.processor = processor;
        this.indexSetup = indexSetup;
        this.groupedAlerts = groupedAlerts;
    }

    @Override
    public synchronized void start() {
        indexSetup.ensureIndices();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, kafka.maxPollRecords(),
                ConsumerConfig.CLIENT_ID_CONFIG, "schemagov-analyzer-" + name),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        // The consumer's own metrics, among them the lag per partition (kafka_consumer_fetch_manager_records_lag).
        consumerMetrics = new KafkaClientMetrics(consumer, Tags.of("pipeline", name));
        consumerMetrics.bindTo(registry);
        running = true;
        worker = new Thread(this::run, "pipeline-" + name);
        worker.start();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumerMetrics.close();
            consumer.close();
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        if (groupedAlerts != null) {
            groupedAlerts.batchStarted();
        }
        try {
            processor.process(records);
            consumer.commitSync(nextOffsets(records));
        } catch (ElasticsearchUnavailableException | KafkaException e) {
            if (e instanceof WakeupException wakeup) {
                throw wakeup;
            }
            if (e instanceof CommitFailedException) {
                // The partitions moved to another member, which will process them again: writes are idempotent.
                log.warn("offset commit failed after a rebalance: {}", e.getMessage());
                return;
            }
            log.warn("batch of {} records not stored ({}); retrying in {} s", records.count(), e.getMessage(), PAUSE_AFTER_FAILURE.toSeconds());
            rewind(records);
            pause();
        } finally {
            if (groupedAlerts != null) {
                groupedAlerts.batchFinished();
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
