package io.schemagov.analyzer.audit;

import io.schemagov.analyzer.elasticsearch.DocumentIds;
import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.audit.AuditFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Audit records of data changes, in one index per source database and day of the change (behind the
 * {@code schemagov-audit} alias), so that retention can drop whole days per database.
 */
public final class AuditDocuments {

    public IndexOperation of(DataChangeEvent event, Instant indexedAt) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("database", event.getSource().getDatabase());
        doc.put("sourceKind", event.getSource().getKind().name());
        doc.put("schema", event.getSchemaName());
        doc.put("table", event.getSchemaName() + "." + event.getTableName());
        doc.put("operation", event.getOperation().name());
        doc.put("key", event.getKey());
        doc.put("before", event.getBefore());
        doc.put("after", event.getAfter());
        doc.put("changedColumns", changedColumns(event.getBefore(), event.getAfter()));
        doc.put("values", searchableValues(event));
        doc.put("maskedColumns", event.getMaskedColumns());
        doc.put("position", event.getSource().getPosition());
        doc.put("transactionId", event.getSource().getTransactionId());
        doc.put("eventTime", event.getEventTime().toString());
        Instant commit = event.getSource().getCommitTime();
        doc.put("commitTime", commit == null ? null : commit.toString());
        doc.put("indexedAt", indexedAt.toString());
        // Said plainly: without attribution from the source, nobody can tell who made a data change.
        doc.put("actor", AuditFacts.actor(event.getActor()));
        doc.put("actorKnown", event.getActor() != null && event.getActor().getDeclared() != null);
        if (event.getChain() != null) {
            Map<String, Object> chain = new LinkedHashMap<>();
            chain.put("sequence", event.getChain().getSequence());
            chain.put("previousHash", event.getChain().getPreviousHash());
            chain.put("hash", event.getChain().getHash());
            doc.put("chain", chain);
        }
        String id = DocumentIds.of(event.getSource().getDatabase(), event.getSource().getPosition(),
                event.getSchemaName() + "." + event.getTableName());
        return new IndexOperation.Put(ElasticsearchIndices.auditIndex(event.getSource().getDatabase(), event.getEventTime()),
                id, doc);
    }

    private static List<String> changedColumns(Map<String, String> before, Map<String, String> after) {
        Set<String> columns = new LinkedHashSet<>();
        if (before == null || after == null) {
            columns.addAll(before == null ? (after == null ? Set.of() : after.keySet()) : before.keySet());
            return new ArrayList<>(columns);
        }
        for (Map.Entry<String, String> column : after.entrySet()) {
            if (!Objects.equals(before.get(column.getKey()), column.getValue())) {
                columns.add(column.getKey());
            }
        }
        return new ArrayList<>(columns);
    }

    /** {@code column=value} terms, so an auditor can find every change that touched a value. */
    private static List<String> searchableValues(DataChangeEvent event) {
        Set<String> values = new LinkedHashSet<>();
        for (Map<String, String> row : java.util.Arrays.asList(event.getBefore(), event.getAfter())) {
            if (row != null) {
                row.forEach((column, value) -> values.add(column + "=" + value));
            }
        }
        return new ArrayList<>(values);
    }
}
