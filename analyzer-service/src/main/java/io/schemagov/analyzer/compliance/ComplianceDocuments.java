package io.schemagov.analyzer.compliance;

import io.schemagov.analyzer.elasticsearch.ChangeFields;
import io.schemagov.analyzer.elasticsearch.DocumentIds;
import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.SchemaChangeEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compliance findings as documents of the findings index, next to the schema rules' findings and with the same
 * fields, so the dashboard, the alerts and triage treat them alike. A finding is identified by its database, rule
 * and key (transaction and table, or the statement), so a transaction's rows update one finding.
 */
public final class ComplianceDocuments {

    public List<IndexOperation> of(DataChangeEvent event, List<ComplianceFinding> findings, Instant detectedAt) {
        return findings.stream().map(finding -> {
            Map<String, Object> doc = common(finding, event.getSource().getDatabase(), detectedAt);
            doc.put("scope", "data");
            doc.put("sourceKind", event.getSource().getKind().name());
            doc.put("position", event.getSource().getPosition());
            doc.put("transactionId", event.getSource().getTransactionId());
            doc.put("eventTime", event.getEventTime().toString());
            return put(event.getSource().getDatabase(), finding, doc);
        }).toList();
    }

    public List<IndexOperation> of(SchemaChangeEvent event, List<ComplianceFinding> findings, Instant detectedAt) {
        return findings.stream().map(finding -> {
            Map<String, Object> doc = common(finding, event.getSource().getDatabase(), detectedAt);
            doc.put("scope", "change");
            ChangeFields.put(doc, event);
            doc.put("object", event.getObjectIdentity());
            return put(event.getSource().getDatabase(), finding, doc);
        }).toList();
    }

    private static Map<String, Object> common(ComplianceFinding finding, String database, Instant detectedAt) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ruleId", finding.rule().id());
        doc.put("ruleTitle", finding.rule().title());
        doc.put("severity", finding.severity().name());
        doc.put("severityRank", finding.severity().rank());
        doc.put("status", "open");
        doc.put("database", database);
        doc.put("schema", finding.schema());
        doc.put("table", finding.table());
        doc.put("object", finding.table() == null ? null : finding.schema() + "." + finding.table());
        doc.put("message", finding.message());
        doc.put("remediation", finding.rule().remediation());
        doc.put("detectedAt", detectedAt.toString());
        doc.put("baseline", false);
        return doc;
    }

    private static IndexOperation put(String database, ComplianceFinding finding, Map<String, Object> doc) {
        return new IndexOperation.Put(ElasticsearchIndices.FINDINGS,
                DocumentIds.of("compliance", database, finding.rule().id(), finding.key()), doc);
    }
}
