package io.schemagov.analyzer.findings;

import io.schemagov.analyzer.elasticsearch.ChangeFields;
import io.schemagov.analyzer.elasticsearch.DocumentIds;
import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import io.schemagov.rules.CleanTable;
import io.schemagov.rules.Evaluation;
import io.schemagov.rules.Finding;
import io.schemagov.rules.RuleInfo;
import io.schemagov.rules.RuleScope;
import io.schemagov.rules.Suppression;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the rule engine's verdict on one change into writes to the findings index. A finding
 * about a change is identified by where the change happened; a finding about a table's state
 * by the table, so that it is opened once, refreshed by later changes, and marked resolved
 * when a later snapshot of the table no longer breaks the rule.
 */
public final class FindingDocuments {

    private final Map<String, RuleInfo> rules;

    public FindingDocuments(List<RuleInfo> rules) {
        this.rules = rules.stream().collect(Collectors.toMap(RuleInfo::id, Function.identity()));
    }

    public List<IndexOperation> of(SchemaChangeEvent event, Evaluation evaluation, Instant detectedAt) {
        List<IndexOperation> operations = new ArrayList<>();
        for (Finding finding : evaluation.findings()) {
            operations.add(new IndexOperation.Put(ElasticsearchIndices.FINDINGS, id(event, finding), document(event, finding, detectedAt)));
        }
        for (CleanTable clean : evaluation.clean()) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("status", "resolved");
            fields.put("resolvedAt", event.getEventTime().toString());
            fields.put("resolvedAtPosition", event.getSource().getPosition());
            operations.add(new IndexOperation.Patch(ElasticsearchIndices.FINDINGS,
                    stateId(event.getSource().getDatabase(), clean.ruleId(), clean.schema() + "." + clean.table()), fields));
        }
        return operations;
    }

    private String id(SchemaChangeEvent event, Finding finding) {
        RuleInfo rule = rules.get(finding.ruleId());
        if (rule != null && rule.scope() == RuleScope.TABLE_STATE) {
            return stateId(event.getSource().getDatabase(), finding.ruleId(), finding.schema() + "." + finding.table());
        }
        return DocumentIds.of(event.getSource().getDatabase(), event.getSource().getPosition(), finding.ruleId(), finding.object());
    }

    static String stateId(String database, String ruleId, String table) {
        return DocumentIds.of("state", database, ruleId, table);
    }

    private Map<String, Object> document(SchemaChangeEvent event, Finding finding, Instant detectedAt) {
        RuleInfo rule = rules.get(finding.ruleId());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ruleId", finding.ruleId());
        doc.put("ruleTitle", rule == null ? finding.ruleId() : rule.title());
        doc.put("severity", finding.severity().name());
        doc.put("severityRank", finding.severity().rank());
        doc.put("status", finding.suppressed() ? "suppressed" : "open");
        if (finding.suppressed()) {
            doc.put("suppression", suppression(finding.suppression(), detectedAt));
        }
        doc.put("scope", rule != null && rule.scope() == RuleScope.TABLE_STATE ? "state" : "change");
        doc.put("schema", finding.schema());
        doc.put("table", finding.table());
        doc.put("object", finding.object());
        doc.put("message", finding.message());
        doc.put("remediation", finding.remediation());
        ChangeFields.put(doc, event);
        doc.put("detectedAt", detectedAt.toString());
        doc.put("baseline", event.getKind() == ChangeKind.BASELINE);
        tableOf(event, finding).ifPresent(table -> {
            doc.put("tableRows", table.getEstimatedRows());
            doc.put("tableBytes", table.getTotalBytes());
        });
        return doc;
    }

    private static Map<String, Object> suppression(Suppression suppression, Instant at) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", suppression.source().name().toLowerCase(Locale.ROOT));
        fields.put("author", suppression.author());
        fields.put("reason", suppression.reason());
        fields.put("expires", suppression.expires() == null ? null : suppression.expires().toString());
        fields.put("at", at.toString());
        return fields;
    }

    private static java.util.Optional<TableSnapshot> tableOf(SchemaChangeEvent event, Finding finding) {
        return event.getTables().stream()
                .filter(t -> t.getSchemaName().equals(finding.schema()) && t.getTableName().equals(finding.table()))
                .findFirst();
    }
}
