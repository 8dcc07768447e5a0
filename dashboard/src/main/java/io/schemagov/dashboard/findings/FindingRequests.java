package io.schemagov.dashboard.findings;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.util.NamedValue;
import io.schemagov.model.ElasticsearchIndices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the Elasticsearch requests behind the findings API; pure, so the query shape is unit-tested. */
final class FindingRequests {

    /**
     * Newest first, then tiebreakers that together identify a finding (event position, database,
     * rule, object) and finally {@code _seq_no}. A unique, stable order is what makes
     * {@code search_after} paging return every finding exactly once; {@code _id} cannot be used
     * because Elasticsearch 8 refuses to sort on it, and the mapping has no copy of the id.
     */
    static final Map<String, SortOrder> SORT_FIELDS = sortFields();

    static final String DATABASES_AGGREGATION = "databases";
    /** More databases than one governance deployment watches; the page lists them in one select. */
    static final int MAX_DATABASES = 1000;

    private FindingRequests() {
    }

    /** One page; asks for one hit more than the page size to learn whether another page follows. */
    static SearchRequest page(FindingQuery query) {
        return SearchRequest.of(s -> {
            s.index(ElasticsearchIndices.FINDINGS)
                    // A missing index (no finding written yet) yields an empty page instead of an error.
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .size(query.size() + 1)
                    .trackTotalHits(t -> t.enabled(true))
                    .query(filter(query))
                    .sort(sort());
            if (query.after() != null) {
                s.searchAfter(query.after().toSortValues());
            }
            return s;
        });
    }

    /** The distinct database names, alphabetically; no hits needed. */
    static SearchRequest databases() {
        return SearchRequest.of(s -> s
                .index(ElasticsearchIndices.FINDINGS)
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .size(0)
                .aggregations(DATABASES_AGGREGATION, a -> a.terms(t -> t
                        .field("database")
                        .size(MAX_DATABASES)
                        .order(NamedValue.of("_key", SortOrder.Asc)))));
    }

    static GetRequest byId(String id) {
        return GetRequest.of(g -> g.index(ElasticsearchIndices.FINDINGS).id(id));
    }

    static Query filter(FindingQuery query) {
        List<Query> filters = new ArrayList<>();
        addTerms(filters, "severity", query.severities());
        addTerms(filters, "database", query.databases());
        addTerms(filters, "status", query.statuses());
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    static List<SortOptions> sort() {
        List<SortOptions> sort = new ArrayList<>();
        SORT_FIELDS.forEach((field, order) -> sort.add(SortOptions.of(o -> o.field(f -> f.field(field).order(order)))));
        return sort;
    }

    private static void addTerms(List<Query> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms)))));
        }
    }

    private static Map<String, SortOrder> sortFields() {
        Map<String, SortOrder> fields = new LinkedHashMap<>();
        fields.put("eventTime", SortOrder.Desc);
        fields.put("position", SortOrder.Desc);
        fields.put("database", SortOrder.Asc);
        fields.put("ruleId", SortOrder.Asc);
        fields.put("object", SortOrder.Asc);
        fields.put("_seq_no", SortOrder.Asc);
        return Collections.unmodifiableMap(fields);
    }
}
