package io.schemagov.dashboard.tables;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import co.elastic.clients.json.JsonData;
import io.schemagov.dashboard.api.SearchCalls;
import io.schemagov.model.ElasticsearchIndices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;

/** Reads tables from the schema history: the latest snapshot of each, one table's timeline, and open findings. */
@Service
class TableQueries {

    /** More tables than a schema diagram can show legibly; the list says when it was cut. */
    static final int MAX_TABLES = 2000;
    static final int MAX_HISTORY = 500;
    static final int MAX_SCHEMAS = 200;

    private final ElasticsearchClient client;

    TableQueries(ElasticsearchClient client) {
        this.client = client;
    }

    /** The latest history document of every table of a database (optionally one schema), dropped ones included. */
    List<ObjectNode> latest(String database, String schema, boolean withSnapshot) {
        List<Query> filters = new ArrayList<>();
        filters.add(term("database", database));
        if (schema != null) {
            filters.add(term("schema", schema));
        }
        SearchResponse<Void> response = SearchCalls.call(() -> client.search(s -> s
                .index(ElasticsearchIndices.SCHEMA_HISTORY).ignoreUnavailable(true).allowNoIndices(true).size(0)
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations("schemas", a -> a.terms(t -> t.field("schema").size(MAX_SCHEMAS))
                        .aggregations("tables", sub -> sub.terms(t -> t.field("table").size(MAX_TABLES))
                                .aggregations("latest", top -> top.topHits(h -> h.size(1)
                                        .sort(o -> o.field(f -> f.field("eventTime").order(SortOrder.Desc)))
                                        .sort(o -> o.field(f -> f.field("position").order(SortOrder.Desc)))
                                        .source(src -> withSnapshot ? src.fetch(true)
                                                : src.filter(f -> f.excludes("snapshot"))))))), Void.class));
        List<ObjectNode> tables = new ArrayList<>();
        forEachTable(response, (table, bucket) -> bucket.aggregations().get("latest").topHits().hits().hits()
                .forEach(hit -> tables.add(withId(hit.id(), hit.source().to(ObjectNode.class)))));
        tables.sort((x, y) -> (x.path("schema").asText() + "." + x.path("table").asText())
                .compareTo(y.path("schema").asText() + "." + y.path("table").asText()));
        return tables;
    }

    /** One table's history, newest first, with each snapshot. */
    List<ObjectNode> history(String database, String schema, String table) {
        SearchResponse<ObjectNode> response = SearchCalls.call(() -> client.search(s -> s
                .index(ElasticsearchIndices.SCHEMA_HISTORY).ignoreUnavailable(true).allowNoIndices(true)
                .size(MAX_HISTORY)
                .query(q -> q.bool(b -> b.filter(term("database", database), term("schema", schema),
                        term("table", table))))
                .sort(o -> o.field(f -> f.field("eventTime").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("position").order(SortOrder.Desc))), ObjectNode.class));
        return response.hits().hits().stream().map(h -> withId(h.id(), h.source())).toList();
    }

    /** The table's history entry in force at the given time: the last one at or before it. */
    Optional<ObjectNode> at(String database, String schema, String table, Instant time) {
        SearchResponse<ObjectNode> response = SearchCalls.call(() -> client.search(s -> s
                .index(ElasticsearchIndices.SCHEMA_HISTORY).ignoreUnavailable(true).allowNoIndices(true).size(1)
                .query(q -> q.bool(b -> b.filter(term("database", database), term("schema", schema),
                        term("table", table), Query.of(r -> r.range(g -> g.untyped(u -> u.field("eventTime")
                                .lte(JsonData.of(time.toString()))))))))
                .sort(o -> o.field(f -> f.field("eventTime").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("position").order(SortOrder.Desc))), ObjectNode.class));
        return response.hits().hits().stream().findFirst().map(h -> withId(h.id(), h.source()));
    }

    Optional<ObjectNode> historyEntry(String id) {
        var response = SearchCalls.call(() -> client.get(g -> g.index(ElasticsearchIndices.SCHEMA_HISTORY).id(id),
                ObjectNode.class));
        return response.found() ? Optional.of(withId(response.id(), response.source())) : Optional.empty();
    }

    /** Open findings per {@code schema.table} of a database. */
    Map<String, Long> openFindingsByTable(String database) {
        SearchResponse<Void> response = SearchCalls.call(() -> client.search(s -> s
                .index(ElasticsearchIndices.FINDINGS).ignoreUnavailable(true).allowNoIndices(true).size(0)
                .query(q -> q.bool(b -> b.filter(term("database", database), term("status", "open"))))
                .aggregations("schemas", a -> a.terms(t -> t.field("schema").size(MAX_SCHEMAS))
                        .aggregations("tables", sub -> sub.terms(t -> t.field("table").size(MAX_TABLES)))),
                Void.class));
        Map<String, Long> counts = new HashMap<>();
        forEachTable(response, (table, bucket) -> counts.put(table, bucket.docCount()));
        return counts;
    }

    /** Walks the schema → table buckets, giving each {@code schema.table} with its bucket. */
    private static void forEachTable(SearchResponse<Void> response, BiConsumer<String, StringTermsBucket> action) {
        Aggregate schemas = response.aggregations() == null ? null : response.aggregations().get("schemas");
        if (schemas == null || !schemas.isSterms()) {
            return;
        }
        for (StringTermsBucket schema : schemas.sterms().buckets().array()) {
            for (StringTermsBucket table : schema.aggregations().get("tables").sterms().buckets().array()) {
                action.accept(schema.key().stringValue() + "." + table.key().stringValue(), table);
            }
        }
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static ObjectNode withId(String id, ObjectNode source) {
        ObjectNode item = source == null ? JsonNodeFactory.instance.objectNode() : source;
        item.put("id", id);
        return item;
    }
}
