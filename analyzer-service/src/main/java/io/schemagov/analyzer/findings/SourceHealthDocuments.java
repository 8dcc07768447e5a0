package io.schemagov.analyzer.findings;

import io.schemagov.analyzer.elasticsearch.DocumentIds;
import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.SourceHealthEvent;
import io.schemagov.rules.Finding;
import io.schemagov.rules.ReplicationSlotLagRule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the replication slot lag rule's verdict on one source health event into a write to the findings index: a state
 * finding identified by database, rule and slot, written (with the latest lag and severity) while the slot is over
 * the threshold and marked resolved by the first reading back under it.
 */
public final class SourceHealthDocuments {

    public List<IndexOperation> of(SourceHealthEvent event, Optional<Finding> verdict, Instant detectedAt) {
        String id = id(event.getDatabase(), ReplicationSlotLagRule.ID, event.getSlot());
        if (verdict.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("status", "resolved");
            fields.put("resolvedAt", event.getObservedAt().toString());
            fields.put("lagBytes", event.getLagBytes());
            return List.of(new IndexOperation.Patch(ElasticsearchIndices.FINDINGS, id, fields));
        }
        Finding finding = verdict.get();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ruleId", finding.ruleId());
        doc.put("ruleTitle", ReplicationSlotLagRule.INFO.title());
        doc.put("severity", finding.severity().name());
        doc.put("severityRank", finding.severity().rank());
        doc.put("status", "open");
        doc.put("scope", "source");
        doc.put("database", event.getDatabase());
        doc.put("sourceKind", "POSTGRESQL");
        doc.put("schema", null);
        doc.put("table", null);
        doc.put("object", finding.object());
        doc.put("message", finding.message());
        doc.put("remediation", finding.remediation());
        doc.put("eventTime", event.getObservedAt().toString());
        doc.put("detectedAt", detectedAt.toString());
        doc.put("baseline", false);
        doc.put("lagBytes", event.getLagBytes());
        doc.put("thresholdBytes", event.getThresholdBytes());
        return List.of(new IndexOperation.Put(ElasticsearchIndices.FINDINGS, id, doc));
    }

    /** The finding's id: one per slot of a source, so that its readings update it rather than add findings. */
    public static String id(String database, String ruleId, String slot) {
        return DocumentIds.of("state", database, ruleId, slot);
    }
}
