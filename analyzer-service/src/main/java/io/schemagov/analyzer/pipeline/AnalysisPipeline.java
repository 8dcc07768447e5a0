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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * A pipelined loop analyses the next batch while the previous one is being stored (one
 * batch in flight at most, stored in order), so that its thread and Elasticsearch work at
 * the same time instead of in turn.
 */
public class AnalysisPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnalysisPipeline.class);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration POLL_IN_FLIGHT = Duration.ofMillis(20);

    private final String name;
    private final List<String> topics;
    private final String groupId;
    private final AnalyzerProperties.KafkaProperties kafka;
    private final BatchProcessor processor;
    private final IndexSetup indexSetup;
    private final AlertStage groupedAlerts;
    private final MeterRegistry registry;
    private final boolean pipelined;
    private ExecutorService storing;
    private InFlight inFlight;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile KafkaClientMetrics consumerMetrics;
    private volatile Thread worker;
    private volatile boolean running;

    /** A batch being stored while the next one is polled and analysed. */
    private record InFlight(ConsumerRecords<String, byte[]> records, Future<?> stored) {
    }

    /** {@code groupedAlerts}: the alert stage whose groups wait for this loop's batches, or null when it carries no findings. */
    public AnalysisPipeline(String name, List<String> topics, String groupId, AnalyzerProperties.KafkaProperties kafka,
                            BatchProcessor processor, IndexSetup indexSetup, AlertStage groupedAlerts, MeterRegistry registry) {
        this(name, topics, groupId, kafka, processor, indexSetup, groupedAlerts, registry, false);
    }

    /** {@code pipelined}: analyse each batch while the previous one is stored (only for a loop without grouped alerts). */
    public AnalysisPipeline(String name, List<String> topics, String groupId, AnalyzerProperties.KafkaProperties kafka,
                            BatchProcessor processor, IndexSetup indexSetup, AlertStage groupedAlerts, MeterRegistry registry,
                            boolean pipelined) {
        if (pipelined && groupedAlerts != null) {
            throw new IllegalArgumentException("a pipelined loop cannot hold alert groups open per batch");
        }
        this.pipelined = pipelined;
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
        if (pipelined) {
            storing = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "pipeline-" + name + "-store"));
        }
        running = true;
        worker = new Thread(this::run, "pipeline-" + name);
        worker.start();
    }

    private void run() {
        try {
            while (running) {
                // With a batch in flight, a short poll: nothing more to analyse means settle it now.
                ConsumerRecords<String, byte[]> records = consumer.poll(inFlight == null ? POLL : POLL_IN_FLIGHT);
                if (pipelined) {
                    handlePipelined(records);
                } else if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            if (inFlight != null) {
                try {
                    settle(inFlight, ConsumerRecords.empty()); // a graceful stop commits what was stored
                } catch (RuntimeException e) {
                    log.warn("the last batch in flight was not committed ({}); it comes again at the next start", e.toString());
                }
                inFlight = null;
            }
            if (storing != null) {
                storing.shutdownNow();
            }
            consumerMetrics.close();
            consumer.close();
        }
    }

    /**
     * Analyses {@code records} while the batch in flight is stored, then settles that batch and sends these to be stored.
     * When the batch in flight failed, the consumer is rewound to it and {@code records}, analysed too early, are
     * dropped: they come again after it.
     */
    private void handlePipelined(ConsumerRecords<String, byte[]> records) {
        BatchProcessor.Prepared next = records.isEmpty() ? null : processor.prepare(records);
        if (inFlight != null) {
            InFlight settled = inFlight;
            inFlight = null;
            if (!settle(settled, records)) {
                return;
            }
        }
        if (next != null) {
            inFlight = new InFlight(records, storing.submit(() -> processor.store(next)));
        }
    }

    /** Waits for the batch to be stored and commits it; false when it was rewound (with {@code polledSince}) instead. */
    private boolean settle(InFlight batch, ConsumerRecords<String, byte[]> polledSince) {
        try {
            batch.stored().get();
            consumer.commitSync(nextOffsets(batch.records()));
            return true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ElasticsearchUnavailableException || e.getCause() instanceof KafkaException)) {
                throw new IllegalStateException("storing a batch failed: " + e.getCause(), e.getCause());
            }
            log.warn("batch of {} records not stored ({}); retrying in {} s", batch.records().count(), e.getCause().getMessage(),
                    PAUSE_AFTER_FAILURE.toSeconds());
        } catch (CommitFailedException e) {
            // The partitions moved to another member, which will process them again: writes are idempotent.
            log.warn("offset commit failed after a rebalance: {}", e.getMessage());
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            log.warn("offsets of a stored batch of {} records not committed ({}); retrying in {} s", batch.records().count(),
                    e.getMessage(), PAUSE_AFTER_FAILURE.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rewind(polledSince);
            rewind(batch.records());
            return false;
        }
        rewind(polledSince); // first the later batch, so that partitions in both end at the earlier offset
        rewind(batch.records());
        pause();
        return false;
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
