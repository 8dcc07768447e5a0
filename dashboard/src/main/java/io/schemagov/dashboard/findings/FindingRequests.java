package io.schemagov.dashboard.findings;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import io.schemagov.model.ElasticsearchIndices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the Elasticsearch requests behind the findings API; pure, so the query shape is unit-tested. */
final class FindingRequests {

    static final String DATABASES_AGGREGATION = "databases";
    /** More databases than one governance deployment watches; the page lists them in one select. */
    static final int MAX_DATABASES = 1000;
    /**
     * Counting stops here: past it the total is a lower bound ({@code totalExact: false}), so a filter matching a
     * million findings costs no more than one matching ten thousand.
     */
    static final int TOTAL_COUNT_LIMIT = 10_000;
    /** Where full-text search looks, with the message weighing most. */
    static final List<String> TEXT_FIELDS = List.of("message^3", "statement", "remediation");

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
                    .trackTotalHits(t -> t.count(TOTAL_COUNT_LIMIT))
                    .query(filter(query.filter()))
                    .sort(sort(query.sort()));
            if (query.after() != null) {
                s.searchAfter(query.after().toSortValues());
            }
            return s;
        });
    }

    /** The distinct names of the databases with findings, schema history or audit records, alphabetically. */
    static SearchRequest databases() {
        return SearchRequest.of(s -> s
                .index(ElasticsearchIndices.FINDINGS, ElasticsearchIndices.SCHEMA_HISTORY, ElasticsearchIndices.AUDIT_ALIAS)
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

    static Query filter(FindingFilter filter) {
        List<Query> filters = new ArrayList<>();
        addTerms(filters, "severity", filter.severities());
        addTerms(filters, "database", filter.databases());
        addTerms(filters, "status", filter.statuses());
        addTerms(filters, "ruleId", filter.ruleIds());
        addTerms(filters, "schema", filter.schemas());
        addTables(filters, filter.tables());
        addActors(filters, filter.actors());
        addRange(filters, "eventTime", filter.from(), filter.to());
        if (filter.detectedAfter() != null) {
            filters.add(Query.of(q -> q.range(r -> r.untyped(u -> u.field("detectedAt")
                    .gt(JsonData.of(filter.detectedAfter().toString()))))));
        }
        if (filter.text() == null) {
            return Query.of(q -> q.bool(b -> b.filter(filters)));
        }
        // simple_query_string never fails on what a person types: no syntax error can reach the user.
        Query text = Query.of(q -> q.simpleQueryString(m -> m.query(filter.text()).fields(TEXT_FIELDS)
                .defaultOperator(Operator.And)));
        return Query.of(q -> q.bool(b -> b.filter(filters).must(text)));
    }

    static List<SortOptions> sort(FindingSort sort) {
        List<SortOptions> options = new ArrayList<>();
        sort.fields().forEach((field, order) -> options.add(SortOptions.of(o -> o.field(f -> f.field(field)
                .order(order)))));
        return options;
    }

    private static void addTerms(List<Query> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms)))));
        }
    }

    /** {@code orders} matches the table in any schema, {@code sales.orders} only in that schema. */
    private static void addTables(List<Query> filters, List<String> tables) {
        if (tables.isEmpty()) {
            return;
        }
        List<Query> any = new ArrayList<>();
        for (String table : tables) {
            int dot = table.indexOf('.');
            if (dot > 0 && dot < table.length() - 1) {
                any.add(Query.of(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("schema").value(table.substring(0, dot))))
                        .filter(f -> f.term(t -> t.field("table").value(table.substring(dot + 1)))))));
            } else {
                any.add(Query.of(q -> q.term(t -> t.field("table").value(table))));
            }
        }
        filters.add(Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1"))));
    }

    /** An actor is the role that ran the statement or the application it ran from. */
    private static void addActors(List<Query> filters, List<String> actors) {
        if (actors.isEmpty()) {
            return;
        }
        List<FieldValue> values = actors.stream().map(FieldValue::of).toList();
        filters.add(Query.of(q -> q.bool(b -> b
                .should(s -> s.terms(t -> t.field("actor.role").terms(v -> v.value(values))))
                .should(s -> s.terms(t -> t.field("actor.application").terms(v -> v.value(values))))
                .minimumShouldMatch("1"))));
    }

    static void addRange(List<Query> filters, String field, Instant from, Instant to) {
        if (from == null && to == null) {
            return;
        }
        filters.add(Query.of(q -> q.range(r -> r.untyped(u -> {
            u.field(field);
            if (from != null) {
                u.gte(JsonData.of(from.toString()));
            }
            if (to != null) {
                u.lt(JsonData.of(to.toString()));
            }
            return u;
        }))));
    }
}
