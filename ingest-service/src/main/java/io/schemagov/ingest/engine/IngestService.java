package io.schemagov.ingest.engine;

import io.schemagov.ingest.binlog.BinlogAuditedTables;
import io.schemagov.ingest.binlog.BinlogPrerequisites;
import io.schemagov.ingest.binlog.BinlogSchemaChanges;
import io.schemagov.ingest.capture.ActorAttribution;
import io.schemagov.ingest.capture.Baseline;
import io.schemagov.ingest.capture.CaptureInstaller;
import io.schemagov.ingest.capture.CaptureSetupException;
import io.schemagov.ingest.capture.Publication;
import io.schemagov.ingest.capture.TruncateCapture;
import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.config.SourceProperties;
import io.schemagov.ingest.mapping.AuditChains;
import io.schemagov.ingest.mapping.ChangeRecordMapper;
import io.schemagov.ingest.mapping.ColumnMasking;
import io.schemagov.ingest.mapping.Topics;
import io.schemagov.ingest.publish.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.schemagov.ingest.metrics.IngestMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the ingest: for each source, installs the capture, aligns the publication, starts
 * its change stream and takes the baseline once. Any source that is not ready stops
 * start-up with a message that says what to change.
 */
@Component
public class IngestService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestProperties properties;
    private final IngestMetrics metrics;
    private final CaptureInstaller installer = new CaptureInstaller();
    private final List<SourceStream> streams = new ArrayList<>();
    private final List<BinlogSchemaChanges> catalogs = new ArrayList<>();
    private EventPublisher publisher;
    private volatile boolean running;

    public IngestService(IngestProperties properties, MeterRegistry registry) {
        this.properties = properties;
        this.metrics = new IngestMetrics(registry, properties.kafka(), Clock.systemUTC());
    }

    @Override
    public synchronized void start() {
        try {
            Files.createDirectories(properties.stateDirectory());
        } catch (IOException e) {
            throw new IllegalStateException("schemagov.ingest.state-directory: cannot create " + properties.stateDirectory(), e);
        }
        publisher = new EventPublisher(properties.kafka());
        publisher.createTopics();
        ColumnMasking masking = masking();
        Topics topics = new Topics(properties.kafka().schemaChangesTopic(), properties.kafka().dataChangesTopic(),
                properties.kafka().deadLetterTopic());
        for (SourceProperties source : properties.sources()) {
            AuditChains chains = AuditChains.load(properties.stateDirectory().resolve(source.name() + ".audit-chain"));
            if (source.isBinlog()) {
                startBinlogSource(source, topics, masking, chains);
            } else {
                startSource(source, new ChangeRecordMapper(source.name(), topics, masking, chains));
            }
        }
        running = true;
    }

    private ColumnMasking masking() {
        try {
            return properties.masking().masking();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e); // names the setting
        }
    }

    private void startSource(SourceProperties source, ChangeRecordMapper mapper) {
        installer.install(source);
        try (Connection connection = installer.open(source)) {
            Set<String> audited = new Publication().synchronize(connection, source);
            new ActorAttribution().synchronize(connection, source, audited);
            new TruncateCapture().synchronize(connection, source);
            SourceStream stream = new SourceStream(source, properties.stateDirectory(), mapper, publisher,
                    metrics.source(source.name()));
            streams.add(stream);
            stream.start();
            new Baseline().takeOnce(connection, source, Duration.ofSeconds(60));
            log.info("source '{}' ({}) streaming: slot {}, audited tables {}", source.name(), source.url(), source.slot(),
                    audited);
        } catch (SQLException e) {
            throw new CaptureSetupException("source '" + source.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * A MariaDB/MySQL source: checks the binlog prerequisites and starts its stream; the baseline is Debezium's
     * schema-only snapshot at first connect.
     */
    private void startBinlogSource(SourceProperties source, Topics topics, ColumnMasking masking, AuditChains chains) {
        try (Connection connection = installer.open(source)) {
            new BinlogPrerequisites().check(connection, source);
            BinlogAuditedTables.check(connection, source);
        } catch (SQLException e) {
            throw new CaptureSetupException("source '" + source.name() + "': " + e.getMessage(), e);
        }
        BinlogSchemaChanges schemaChanges = new BinlogSchemaChanges(() -> installer.open(source));
        catalogs.add(schemaChanges);
        SourceStream stream = new SourceStream(source, properties.stateDirectory(),
                new ChangeRecordMapper(source.name(), topics, masking, chains, schemaChanges), publisher,
                metrics.source(source.name()));
        streams.add(stream);
        stream.start();
        log.info("source '{}' ({}, {}) streaming from the binlog; audited tables {}", source.name(), source.kind(),
                source.url(), source.auditedTables());
    }

    @Override
    public synchronized void stop() {
        streams.forEach(SourceStream::close);
        streams.clear();
        catalogs.forEach(BinlogSchemaChanges::close);
        catalogs.clear();
        if (publisher != null) {
            publisher.close();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
