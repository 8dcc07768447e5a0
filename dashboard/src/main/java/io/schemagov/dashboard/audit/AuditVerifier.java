package io.schemagov.dashboard.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.audit.AuditChain;
import io.schemagov.model.audit.AuditFacts;
import io.schemagov.model.audit.ChainVerification;
import io.schemagov.model.audit.ChainedRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verifies the stored audit trail of one table over a period against its hash chain: reads the records in chain
 * order, page by page, and checks each against its content and its predecessor. The first record of the period is
 * anchored to the record before it when that one is still stored (it may have been dropped by retention).
 */
public final class AuditVerifier {

    private static final int PAGE = 1000;

    private final ElasticsearchClient client;

    public AuditVerifier(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * @param table qualified, {@code schema.table}
     * @param from  inclusive start of the period (event time), or null for the beginning
     * @param to    exclusive end, or null for now
     * @throws IOException when Elasticsearch cannot be read
     */
    public AuditVerificationReport verify(String database, String table, Instant from, Instant to) throws IOException {
        List<Query> filters = new ArrayList<>(AuditQueries.period(database, table, from, to));
        filters.add(Query.of(q -> q.exists(e -> e.field("chain.sequence"))));
        ChainedRecord previous = null;
        Long first = null;
        Long last = null;
        Boolean anchored = null;
        int checked = 0;
        List<FieldValue> after = null;
        while (true) {
            List<Hit<Map>> hits = page(filters, after);
            if (hits.isEmpty()) {
                break;
            }
            List<ChainedRecord> records = hits.stream().map(AuditVerifier::record).toList();
            if (first == null) {
                first = records.get(0).sequence();
                previous = first == 1 ? null : predecessor(database, table, first - 1);
                anchored = first == 1 || previous != null;
                if (previous == null && first > 1) {
                    // Nothing to compare the first link with: trust it, and say so in the report.
                    ChainedRecord start = records.get(0);
                    previous = new ChainedRecord(null, first - 1, null, start.previousHash(), null);
                }
            }
            ChainVerification verdict = AuditChain.verify(records, previous);
            if (!verdict.intact()) {
                return AuditVerificationReport.broken(database, table, from, to, first, anchored,
                        checked + verdict.checked(), verdict);
            }
            checked += verdict.checked();
            previous = records.get(records.size() - 1);
            last = previous.sequence();
            after = hits.get(hits.size() - 1).sort();
            if (hits.size() < PAGE) {
                break;
            }
        }
        return AuditVerificationReport.intact(database, table, from, to, first, last, anchored == null || anchored,
                checked);
    }

    private List<Hit<Map>> page(List<Query> filters, List<FieldValue> after) throws IOException {
        SearchRequest.Builder request = new SearchRequest.Builder().index(ElasticsearchIndices.AUDIT_ALIAS)
                .ignoreUnavailable(true).allowNoIndices(true).size(PAGE)
                .query(q -> q.bool(b -> b.filter(filters)))
                .sort(s -> s.field(f -> f.field("chain.sequence").order(SortOrder.Asc)));
        if (after != null) {
            request.searchAfter(after);
        }
        return client.search(request.build(), Map.class).hits().hits();
    }

    private ChainedRecord predecessor(String database, String table, long sequence) throws IOException {
        List<Hit<Map>> hits = client.search(s -> s.index(ElasticsearchIndices.AUDIT_ALIAS).ignoreUnavailable(true)
                .allowNoIndices(true).size(1).query(q -> q.bool(b -> b.filter(term("database", database),
                        term("table", table), Query.of(t -> t.term(v -> v.field("chain.sequence").value(sequence)))))),
                Map.class).hits().hits();
        return hits.isEmpty() ? null : record(hits.get(0));
    }

    @SuppressWarnings("unchecked")
    private static ChainedRecord record(Hit<Map> hit) {
        Map<String, Object> source = hit.source();
        Map<String, Object> chain = (Map<String, Object>) source.get("chain");
        return new ChainedRecord(hit.index() + "/" + hit.id(), ((Number) chain.get("sequence")).longValue(),
                (String) chain.get("previousHash"), (String) chain.get("hash"), () -> AuditFacts.of(source));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
