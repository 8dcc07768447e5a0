package io.schemagov.analyzer.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.schemagov.analyzer.elasticsearch.BulkWriter;
import io.schemagov.analyzer.elasticsearch.DocumentIds;
import io.schemagov.analyzer.elasticsearch.ElasticsearchUnavailableException;
import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery log in Elasticsearch: one document per finding, channel and kind (alert or
 * resolution), saying whether it was delivered or failed. It is what the dashboard shows and
 * what keeps a finding redelivered after a restart from alerting twice.
 */
class DeliveryLog {

    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    private final ElasticsearchClient client;
    private final BulkWriter writer;

    DeliveryLog(ElasticsearchClient client, BulkWriter writer) {
        this.client = client;
        this.writer = writer;
    }

    static String id(String channel, String findingId, AlertMessage.Kind kind) {
        return DocumentIds.of("alert", channel, findingId, kind.name());
    }

    /** The delivered entries among the given findings, by finding id (a real-time get: no refresh needed). */
    Map<String, Map<String, Object>> delivered(String channel, AlertMessage.Kind kind, List<String> findingIds) {
        Map<String, Map<String, Object>> found = new HashMap<>();
        if (findingIds.isEmpty()) {
            return found;
        }
        List<String> ids = findingIds.stream().map(f -> id(channel, f, kind)).toList();
        MgetResponse<Map> response;
        try {
            response = client.mget(m -> m.index(ElasticsearchIndices.ALERT_DELIVERIES).ids(ids), Map.class);
        } catch (IOException e) {
            throw new ElasticsearchUnavailableException("cannot read the alert delivery log: " + e.getMessage(), e);
        }
        for (MultiGetResponseItem<Map> item : response.docs()) {
            if (item.isResult() && item.result().found() && DELIVERED.equals(item.result().source().get("status"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> source = item.result().source();
                found.put((String) source.get("findingId"), source);
            }
        }
        return found;
    }

    void record(String channel, AlertMessage message, Deliverer.Outcome outcome) {
        List<IndexOperation> entries = new ArrayList<>();
        for (FindingAlert finding : message.findings()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("channel", channel);
            doc.put("findingId", finding.findingId());
            doc.put("kind", message.kind().name());
            doc.put("status", outcome.delivered() ? DELIVERED : FAILED);
            doc.put("alertId", message.id());
            doc.put("attempts", outcome.attempts());
            doc.put("error", outcome.error());
            doc.put("ruleId", finding.ruleId());
            doc.put("ruleTitle", finding.ruleTitle());
            doc.put("severity", finding.severity().name());
            doc.put("database", finding.database());
            doc.put("schema", finding.schema());
            doc.put("table", finding.table());
            doc.put("message", finding.message());
            doc.put("at", Instant.now().toString());
            entries.add(new IndexOperation.Put(ElasticsearchIndices.ALERT_DELIVERIES, id(channel, finding.findingId(), message.kind()), doc));
        }
        writer.write(entries, false);
    }

    /** The finding as it was alerted, for a resolution message (the resolving patch carries only the id). */
    static FindingAlert alerted(String findingId, Map<String, Object> entry, String newStatus) {
        Map<String, Object> doc = new HashMap<>(entry);
        doc.put("status", newStatus);
        return FindingAlert.of(findingId, doc);
    }
}
