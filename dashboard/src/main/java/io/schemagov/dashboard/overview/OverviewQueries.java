package io.schemagov.dashboard.overview;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.dashboard.api.SearchCalls;
import io.schemagov.model.ElasticsearchIndices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/** Reads the overview from the findings, the schema history and the audit records. */
@Service
class OverviewQueries {

    static final int TOP = 10;
    /** Recent findings per query from which each database's pipeline lag is measured. */
    static final int LAG_SAMPLE = 500;

    private final ElasticsearchClient client;

    OverviewQueries(ElasticsearchClient client) {
        this.client = client;
    }

    /** @param database one database, or null for all */
    Overview overview(Instant from, Instant to, String database) {
        Duration span = Duration.between(from, to);
        String bucket = bucket(span);
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.range(r -> r.untyped(u -> u.field("eventTime")
                .gte(JsonData.of(from.toString())).lt(JsonData.of(to.toString()))))));
        if (database != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("database").value(database))));
        }
        SearchResponse<Void> findings = SearchCalls.call(() -> client.search(s -> s.index(ElasticsearchIndices.FINDINGS)
                .ignoreUnavailable(true).allowNoIndices(true).size(0)
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations("open", a -> a.filter(f -> f.term(t -> t.field("status").value("open")))
                        .aggregations("severity", sub -> sub.terms(t -> t.field("severity").size(10)))
                        .aggregations("rules", sub -> sub.terms(t -> t.field("ruleId").size(TOP)))
                        .aggregations("tables", sub -> sub.terms(t -> t.field("database").size(TOP * 5))
                                .aggregations("schema", sc -> sc.terms(t -> t.field("schema").size(TOP * 5))
                                        .aggregations("table", tb -> tb.terms(t -> t.field("table").size(TOP))))))
                .aggregations("status", a -> a.terms(t -> t.field("status").size(10)))
                .aggregations("timeline", a -> a.dateHistogram(h -> h.field("eventTime")
                                .fixedInterval(i -> i.time(bucket)).minDocCount(0)
                                .extendedBounds(b -> b.min(FieldDateMath.of(m -> m.value((double) from.toEpochMilli())))
                                        .max(FieldDateMath.of(m -> m.value((double) to.toEpochMilli() - 1)))))
                        .aggregations("severity", sub -> sub.terms(t -> t.field("severity").size(10)))),
                Void.class));
        Map<String, Aggregate> aggs = findings.aggregations();
        if (aggs == null || !aggs.containsKey("open")) {
            return new Overview(Map.of(), Map.of(), bucket, List.of(), List.of(), List.of(), databases(Map.of()));
        }
        Aggregate open = aggs.get("open");
        Map<String, Long> openBySeverity = counts(open.filter().aggregations().get("severity"));
        return new Overview(openBySeverity, counts(aggs.get("status")), bucket, timeline(aggs.get("timeline")),
                topRules(open.filter().aggregations().get("rules")), topTables(open.filter().aggregations().get("tables")),
                databases(openByDatabase()));
    }

    /** About 50 to 100 buckets over the period. */
    static String bucket(Duration span) {
        long hours = span.toHours();
        if (hours <= 2) {
            return "1m";
        }
        if (hours <= 48) {
            return "30m";
        }
        if (hours <= 24 * 14) {
            return "3h";
        }
        return "1d";
    }

    private static Map<String, Long> counts(Aggregate terms) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (terms != null && terms.isSterms()) {
            for (StringTermsBucket b : terms.sterms().buckets().array()) {
                counts.put(b.key().stringValue(), b.docCount());
            }
        }
        return counts;
    }

    private static List<Overview.TimelineBucket> timeline(Aggregate histogram) {
        List<Overview.TimelineBucket> buckets = new ArrayList<>();
        if (histogram != null && histogram.isDateHistogram()) {
            histogram.dateHistogram().buckets().array().forEach(b -> buckets.add(
                    new Overview.TimelineBucket(b.key(), counts(b.aggregations().get("severity")))));
        }
        return buckets;
    }

    private static List<Overview.Count> topRules(Aggregate terms) {
        return counts(terms).entrySet().stream().map(e -> new Overview.Count(e.getKey(), e.getValue())).toList();
    }

    /**
     * The tables with most open findings, from database → schema → table buckets (this Elasticsearch has no
     * multi-field terms); each level keeps its largest buckets, which holds the top ten for any real deployment.
     */
    private static List<Overview.TableCount> topTables(Aggregate byDatabase) {
        List<Overview.TableCount> tables = new ArrayList<>();
        if (byDatabase == null || !byDatabase.isSterms()) {
            return tables;
        }
        for (StringTermsBucket db : byDatabase.sterms().buckets().array()) {
            for (StringTermsBucket schema : db.aggregations().get("schema").sterms().buckets().array()) {
                for (StringTermsBucket table : schema.aggregations().get("table").sterms().buckets().array()) {
                    tables.add(new Overview.TableCount(db.key().stringValue(), schema.key().stringValue(),
                            table.key().stringValue(), table.docCount()));
                }
            }
        }
        tables.sort((a, b) -> Long.compare(b.count(), a.count()));
        return tables.size() > TOP ? List.copyOf(tables.subList(0, TOP)) : tables;
    }

    private Map<String, Long> openByDatabase() {
        SearchResponse<Void> response = SearchCalls.call(() -> client.search(s -> s.index(ElasticsearchIndices.FINDINGS)
                .ignoreUnavailable(true).allowNoIndices(true).size(0)
                .query(q -> q.term(t -> t.field("status").value("open")))
                .aggregations("db", a -> a.terms(t -> t.field("database").size(1000))), Void.class));
        return response.aggregations() == null ? Map.of() : counts(response.aggregations().get("db"));
    }

    /** Every database seen in any index, with when each kind of event was last seen. */
    private List<Overview.DatabaseStatus> databases(Map<String, Long> openByDatabase) {
        Map<String, Long> schema = latest(ElasticsearchIndices.SCHEMA_HISTORY, "eventTime");
        Map<String, Long> data = latest(ElasticsearchIndices.AUDIT_ALIAS, "eventTime");
        Map<String, Long> finding = latest(ElasticsearchIndices.FINDINGS, "detectedAt");
        Map<String, Long> lag = pipelineLag();
        TreeSet<String> names = new TreeSet<>();
        names.addAll(schema.keySet());
        names.addAll(data.keySet());
        names.addAll(finding.keySet());
        return names.stream().map(db -> new Overview.DatabaseStatus(db, schema.get(db), data.get(db), finding.get(db),
                lag.get(db), openByDatabase.getOrDefault(db, 0L))).toList();
    }

    private Map<String, Long> latest(String index, String field) {
        SearchResponse<Void> response = SearchCalls.call(() -> client.search(s -> s.index(index).ignoreUnavailable(true)
                .allowNoIndices(true).size(0)
                .aggregations("db", a -> a.terms(t -> t.field("database").size(1000))
                        .aggregations("last", sub -> sub.max(m -> m.field(field)))), Void.class));
        Map<String, Long> latest = new HashMap<>();
        Aggregate db = response.aggregations() == null ? null : response.aggregations().get("db");
        if (db != null && db.isSterms()) {
            for (StringTermsBucket b : db.sterms().buckets().array()) {
                double value = b.aggregations().get("last").max().value();
                if (Double.isFinite(value)) {
                    latest.put(b.key().stringValue(), (long) value);
                }
            }
        }
        return latest;
    }

    /** Median of detectedAt minus eventTime over the most recent live (not baseline) findings, per database. */
    private Map<String, Long> pipelineLag() {
        SearchResponse<ObjectNode> response = SearchCalls.call(() -> client.search(s -> s.index(ElasticsearchIndices.FINDINGS)
                .ignoreUnavailable(true).allowNoIndices(true).size(LAG_SAMPLE)
                .query(q -> q.bool(b -> b.mustNot(Query.of(m -> m.term(t -> t.field("baseline").value(true))))))
                .source(src -> src.filter(f -> f.includes("database", "eventTime", "detectedAt")))
                .sort(o -> o.field(f -> f.field("detectedAt").order(SortOrder.Desc)
                        .unmappedType(FieldType.Date))),
                ObjectNode.class));
        Map<String, List<Long>> lags = new TreeMap<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            ObjectNode doc = hit.source();
            Long event = doc == null ? null : millis(doc.get("eventTime"));
            Long detected = doc == null ? null : millis(doc.get("detectedAt"));
            if (event != null && detected != null && doc.hasNonNull("database")) {
                lags.computeIfAbsent(doc.get("database").asText(), k -> new ArrayList<>()).add(detected - event);
            }
        }
        Map<String, Long> medians = new HashMap<>();
        lags.forEach((db, values) -> medians.put(db, values.stream().sorted().toList().get(values.size() / 2)));
        return medians;
    }

    /** Dates are stored as epoch millis or ISO text. */
    static Long millis(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        String text = value.asText();
        try {
            return text.matches("\\d+") ? Long.parseLong(text) : Instant.parse(text).toEpochMilli();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
