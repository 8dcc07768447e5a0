package io.schemagov.ingest.engine;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.schemagov.ingest.binlog.BinlogDebeziumConfig;
import io.schemagov.ingest.config.SourceProperties;
import io.schemagov.ingest.mapping.ChangeRecordMapper;
import io.schemagov.ingest.metrics.IngestMetrics;
import io.schemagov.ingest.publish.EventPublisher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Debezium engine of one source. When the engine stops with an error (database or Kafka
 * unreachable, say) it is started again after a back-off that grows to a minute, resuming
 * from its last durable offset: the process stays up and nothing is skipped.
 */
public final class SourceStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourceStream.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final SourceProperties source;
    private final Path stateDirectory;
    private final PublishingConsumer consumer;
    private final ExecutorService runner;
    private final ScheduledExecutorService restarts;
    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile boolean closing;
    private int failures;

    public SourceStream(SourceProperties source, Path stateDirectory, ChangeRecordMapper mapper, EventPublisher publisher,
                        IngestMetrics.Source metrics) {
        this.source = source;
        this.stateDirectory = stateDirectory;
        this.consumer = new PublishingConsumer(mapper, publisher, metrics);
        this.runner = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "debezium-" + source.name()));
        this.restarts = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "restart-" + source.name()));
    }

    public synchronized void start() {
        if (closing) {
            return;
        }
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(source.isBinlog() ? BinlogDebeziumConfig.of(source, stateDirectory) : DebeziumConfig.of(source, stateDirectory))
                .notifying(consumer)
                .using(this::completed)
                .build();
        runner.execute(() -> {
            MDC.put("source", source.name());
            engine.run();
        });
    }

    private void completed(boolean success, String message, Throwable error) {
        if (closing) {
            return;
        }
        if (success && error == null) {
            log.info("source '{}': engine stopped: {}", source.name(), message);
            return;
        }
        String reason = error == null ? message : error.getMessage();
        long delay = Math.min(MAX_BACKOFF.toMillis(), 1000L << Math.min(failures++, 6));
        log.error("source '{}': change stream failed ({}); restarting in {} ms from the last committed position",
                source.name(), reason, delay);
        restarts.schedule(this::start, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        closing = true;
        restarts.shutdownNow();
        try {
            if (engine != null) {
                engine.close();
            }
        } catch (IOException e) {
            log.warn("source '{}': engine did not close cleanly: {}", source.name(), e.getMessage());
        }
        runner.shutdown();
        try {
            if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
                runner.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
