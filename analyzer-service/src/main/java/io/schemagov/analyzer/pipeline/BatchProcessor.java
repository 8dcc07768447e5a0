package io.schemagov.analyzer.pipeline;

import io.schemagov.analyzer.alerts.AlertStage;
import io.schemagov.analyzer.audit.AuditDocuments;
import io.schemagov.analyzer.compliance.ComplianceDocuments;
import io.schemagov.analyzer.compliance.ComplianceFinding;
import io.schemagov.analyzer.compliance.ComplianceRules;
import io.schemagov.analyzer.config.AnalyzerProperties;
import io.schemagov.analyzer.deadletter.DeadLetterPublisher;
import io.schemagov.analyzer.deadletter.DeadLetterPublisher.DeadLetter;
import io.schemagov.analyzer.elasticsearch.BulkWriter;
import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.analyzer.elasticsearch.StoredDocuments;
import io.schemagov.analyzer.findings.FindingDocuments;
import io.schemagov.analyzer.findings.SourceHealthDocuments;
import io.schemagov.analyzer.findings.Triage;
import io.schemagov.analyzer.history.SchemaHistoryDocuments;
import io.schemagov.analyzer.metrics.AnalyzerMetrics;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.EventCodec;
import io.schemagov.model.MalformedEventException;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceHealthEvent;
import io.schemagov.rules.Evaluation;
import io.schemagov.rules.Finding;
import io.schemagov.rules.ReplicationSlotLagRule;
import io.schemagov.rules.RuleEngine;
import io.schemagov.rules.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Processes one polled batch: decodes each record, runs the rules (the replication slot lag rule on source health
 * events), writes findings, schema history and audit records in bulk, and dead-letters what cannot be processed. When it
 * returns, every record of the batch is either in Elasticsearch or in the dead-letter topic, and
 * the findings Elasticsearch took are queued for alerting.
 */
@Component
public class BatchProcessor {

    private final RuleEngine rules;
    private final BulkWriter writer;
    private final DeadLetterPublisher deadLetters;
    private final StoredDocuments stored;
    private final AlertStage alerts;
    private final FindingDocuments findings;
    private final ComplianceRules compliance;
    private final ComplianceDocuments complianceFindings = new ComplianceDocuments();
    private final SchemaHistoryDocuments history = new SchemaHistoryDocuments();
    private final AuditDocuments audit = new AuditDocuments();
    private final String schemaChangesTopic;
    private final String dataChangesTopic;
    private final String sourceHealthTopic;
    private final ReplicationSlotLagRule slotLag = new ReplicationSlotLagRule();
    private final SourceHealthDocuments sourceHealth = new SourceHealthDocuments();
    private final AnalyzerMetrics metrics;

    public BatchProcessor(RuleEngine rules, ComplianceRules compliance, BulkWriter writer, DeadLetterPublisher deadLetters,
            StoredDocuments stored, AlertStage alerts, AnalyzerProperties properties, AnalyzerMetrics metrics) {
        this.metrics = metrics;
        this.rules = rules;
        this.compliance = compliance;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.stored = stored;
        this.alerts = alerts;
        this.findings = new FindingDocuments(rules.rules());
        this.schemaChangesTopic = properties.kafka().schemaChangesTopic();
        this.dataChangesTopic = properties.kafka().dataChangesTopic();
        this.sourceHealthTopic = properties.kafka().sourceHealthTopic();
    }

    /** Writes bound to the record they came from, so a refused write can dead-letter its record. */
    private static final class Writes {
        final List<IndexOperation> operations = new ArrayList<>();
        final List<ConsumerRecord<String, byte[]>> origins = new ArrayList<>();

        void add(List<IndexOperation> ops, ConsumerRecord<String, byte[]> origin) {
            for (IndexOperation op : ops) {
                operations.add(op);
                origins.add(origin);
            }
        }
    }

    /** A decoded and analysed batch with the writes it needs, ready for {@link #store}. */
    public static final class Prepared {
        private final Iterable<ConsumerRecord<String, byte[]>> records;
        private final Writes findingWrites = new Writes();
        private final Writes recordWrites = new Writes();
        private final Map<ConsumerRecord<String, byte[]>, String> dead = new LinkedHashMap<>();
        private final List<Severity> produced = new ArrayList<>();

        private Prepared(Iterable<ConsumerRecord<String, byte[]>> records) {
            this.records = records;
        }
    }

    /** {@link #prepare} and {@link #store} in one go. */
    public void process(Iterable<ConsumerRecord<String, byte[]>> records) {
        store(prepare(records));
    }

    /**
     * Decodes each record and runs the rules, writing nothing: what cannot be decoded or analysed is noted for the
     * dead-letter topic. Called in batch order; the analysis of one batch may run while the previous one is stored.
     */
    public Prepared prepare(Iterable<ConsumerRecord<String, byte[]>> records) {
        Prepared batch = new Prepared(records);
        Writes findingWrites = batch.findingWrites;
        Writes recordWrites = batch.recordWrites;
        Map<ConsumerRecord<String, byte[]>, String> dead = batch.dead;
        List<Severity> produced = batch.produced;
        Instant now = Instant.now();
        AuditDocuments.Batch auditRecords = audit.batch(now);
        for (ConsumerRecord<String, byte[]> record : records) {
            MDC.put("record", record.topic() + "-" + record.partition() + "@" + record.offset());
            try {
                if (record.topic().equals(schemaChangesTopic)) {
                    SchemaChangeEvent event = EventCodec.decodeSchemaChange(record.value());
                    MDC.put("source", event.getSource().getDatabase());
                    Evaluation evaluation = metrics.timeRules(() -> rules.evaluate(event));
                    evaluation.findings().forEach(finding -> produced.add(finding.severity()));
                    findingWrites.add(findings.of(event, evaluation, now), record);
                    findingWrites.add(complianceFindings.of(event, noted(compliance.evaluate(event), produced), now), record);
                    recordWrites.add(history.of(event), record);
                } else if (record.topic().equals(sourceHealthTopic)) {
                    SourceHealthEvent event = EventCodec.decodeSourceHealth(record.value());
                    MDC.put("source", event.getDatabase());
                    Optional<Finding> finding = slotLag.evaluate(event);
                    finding.ifPresent(f -> produced.add(f.severity()));
                    findingWrites.add(sourceHealth.of(event, finding, now), record);
                } else if (record.topic().equals(dataChangesTopic)) {
                    DataChangeEvent event = EventCodec.decodeDataChange(record.value());
                    recordWrites.add(List.of(auditRecords.of(event)), record);
                    findingWrites.add(complianceFindings.of(event,
                            noted(compliance.evaluate(event, record.partition(), record.offset()), produced), now), record);
                }
            } catch (MalformedEventException e) {
                dead.put(record, e.getMessage());
            } catch (RuntimeException e) {
                // A record we cannot analyse is poison by definition: park it with the reason and go on.
                dead.put(record, "cannot analyse: " + e);
            } finally {
                MDC.remove("record");
                MDC.remove("source");
            }
        }
        return batch;
    }

    /**
     * Writes a prepared batch to Elasticsearch, dead-letters what Elasticsearch refused or could not be analysed, and
     * queues the stored findings for alerting. When it returns, every record of the batch is in Elasticsearch or in the
     * dead-letter topic; when it throws, the batch must be prepared and stored again.
     */
    public void store(Prepared batch) {
        Map<ConsumerRecord<String, byte[]>, String> dead = batch.dead;
        keepTriage(batch.findingWrites);
        alerts.stored(write(batch.findingWrites, true, dead));
        write(batch.recordWrites, false, dead);
        deadLetters.publish(dead.entrySet().stream().map(e -> new DeadLetter(e.getKey(), e.getValue())).toList());
        // Counted once the batch is settled: a batch rewound after an outage counts when it is processed for good.
        batch.produced.forEach(severity -> metrics.finding(severity.name()));
        for (ConsumerRecord<String, byte[]> record : batch.records) {
            metrics.event(record.topic(), dead.containsKey(record));
        }
    }

    private static List<ComplianceFinding> noted(List<ComplianceFinding> found, List<Severity> produced) {
        found.forEach(finding -> produced.add(finding.severity()));
        return found;
    }

    /** Rewritten findings keep what people decided about them in the dashboard or the statement's comments. */
    private void keepTriage(Writes writes) {
        Set<String> ids = writes.operations.stream().filter(IndexOperation.Put.class::isInstance)
                .map(IndexOperation::id).collect(Collectors.toSet());
        List<IndexOperation> kept = Triage.kept(writes.operations,
                stored.fields(ElasticsearchIndices.FINDINGS, ids, Triage.FIELDS));
        writes.operations.clear();
        writes.operations.addAll(kept);
    }

    /**
     * Findings are refreshed at once so they are searchable within milliseconds (a refresh costs Elasticsearch tens of
     * milliseconds of CPU); schema history and audit records ride the normal one-second refresh.
     */
    private List<IndexOperation> write(Writes writes, boolean refresh, Map<ConsumerRecord<String, byte[]>, String> dead) {
        if (writes.operations.isEmpty()) {
            return List.of();
        }
        Set<Integer> rejected = new HashSet<>();
        for (BulkWriter.Rejection rejection : writer.write(writes.operations, refresh)) {
            dead.putIfAbsent(writes.origins.get(rejection.position()), rejection.reason());
            rejected.add(rejection.position());
        }
        List<IndexOperation> accepted = new ArrayList<>();
        for (int i = 0; i < writes.operations.size(); i++) {
            if (!rejected.contains(i)) {
                accepted.add(writes.operations.get(i));
            }
        }
        return accepted;
    }
}
