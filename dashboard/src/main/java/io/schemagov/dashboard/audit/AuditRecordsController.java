package io.schemagov.dashboard.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.dashboard.api.ApiException;
import io.schemagov.dashboard.api.Parameters;
import io.schemagov.dashboard.api.SearchCalls;
import io.schemagov.dashboard.api.SortValues;
import io.schemagov.model.ElasticsearchIndices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/records}: the data-change audit records of a database, by table, operation, transaction
 * and period, newest first, cursor-paged. Values are shown as stored: masked columns stay masked.
 */
@RestController
class AuditRecordsController {

    static final Set<String> OPERATIONS = Set.of("INSERT", "UPDATE", "DELETE", "TRUNCATE");
    static final int MAX_SIZE = 200;
    /** Newest first; (database, table, chain sequence) identifies a record, which makes paging exact. */
    static final List<String> SORT = List.of("eventTime", "database", "table", "chain.sequence");

    private final ElasticsearchClient client;

    AuditRecordsController(ElasticsearchClient client) {
        this.client = client;
    }

    record AuditPage(List<ObjectNode> items, String next, long total) {
    }

    @GetMapping("/api/audit/records")
    AuditPage records(@RequestParam(required = false) String database, @RequestParam(required = false) String table,
            @RequestParam(required = false) String operation, @RequestParam(required = false) Long transactionId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String after) {
        if (database == null || database.isBlank()) {
            throw ApiException.badParameter("database", "required: the source database's name");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badParameter("size", "must be between 1 and " + MAX_SIZE);
        }
        List<Query> filters = AuditQueries.period(database, Parameters.blankToNull(table), Parameters.instant("from", from),
                Parameters.instant("to", to));
        if (operation != null && !operation.isBlank()) {
            String op = operation.trim().toUpperCase(Locale.ROOT);
            if (!OPERATIONS.contains(op)) {
                throw ApiException.badParameter("operation", "expected INSERT, UPDATE, DELETE or TRUNCATE");
            }
            filters.add(Query.of(q -> q.term(t -> t.field("operation").value(op))));
        }
        if (transactionId != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("transactionId").value(transactionId))));
        }
        List<FieldValue> searchAfter = cursor(after);
        SearchResponse<ObjectNode> response = SearchCalls.call(() -> client.search(s -> {
            s.index(ElasticsearchIndices.AUDIT_ALIAS).ignoreUnavailable(true).allowNoIndices(true)
                    .size(size + 1).trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.bool(b -> b.filter(filters))).sort(sort());
            if (searchAfter != null) {
                s.searchAfter(searchAfter);
            }
            return s;
        }, ObjectNode.class));
        List<Hit<ObjectNode>> hits = response.hits().hits();
        boolean more = hits.size() > size;
        List<Hit<ObjectNode>> shown = more ? hits.subList(0, size) : hits;
        String next = more ? SortValues.encode(SortValues.from(shown.get(shown.size() - 1).sort())) : null;
        long total = response.hits().total() == null ? shown.size() : response.hits().total().value();
        return new AuditPage(shown.stream().map(h -> h.source().put("id", h.id())).toList(), next, total);
    }

    private static List<SortOptions> sort() {
        List<SortOptions> sort = new ArrayList<>();
        sort.add(SortOptions.of(o -> o.field(f -> f.field("eventTime").order(SortOrder.Desc))));
        sort.add(SortOptions.of(o -> o.field(f -> f.field("database").order(SortOrder.Asc))));
        sort.add(SortOptions.of(o -> o.field(f -> f.field("table").order(SortOrder.Asc))));
        sort.add(SortOptions.of(o -> o.field(f -> f.field("chain.sequence").order(SortOrder.Desc)
                .unmappedType(FieldType.Long))));
        return sort;
    }

    private static List<FieldValue> cursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            List<Object> values = SortValues.decode(after);
            if (values.size() != SORT.size()) {
                throw new IllegalArgumentException("wrong length");
            }
            return SortValues.toFieldValues(values);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("after", "malformed cursor; use the 'next' value of a previous page");
        }
    }
}
