package io.schemagov.dashboard.findings;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemagov.model.ElasticsearchIndices;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(SearchRequest request) throws Exception {
        return JSON.readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }

    private static FindingFilter filter(List<String> severities, List<String> databases, List<String> statuses) {
        return new FindingFilter(severities, databases, statuses, List.of(), List.of(), List.of(), List.of(), null,
                null, null, null);
    }

    private static FindingQuery query(FindingFilter filter, FindingSort sort, FindingCursor after) {
        return new FindingQuery(filter, sort, 25, after);
    }

    @Test
    void searchesTheFindingsIndexToleratingItsAbsence() {
        SearchRequest request = FindingRequests.page(query(FindingFilter.ANY, FindingSort.NEWEST, null));

        assertThat(request.index()).containsExactly(ElasticsearchIndices.FINDINGS);
        assertThat(request.ignoreUnavailable()).isTrue();
        assertThat(request.allowNoIndices()).isTrue();
    }

    @Test
    void asksForOneHitMoreThanThePageAndCountsMatchesUpToTheLimit() throws Exception {
        JsonNode body = body(FindingRequests.page(query(FindingFilter.ANY, FindingSort.NEWEST, null)));

        assertThat(body.get("size").asInt()).isEqualTo(26);
        assertThat(body.get("track_total_hits").asInt()).isEqualTo(FindingRequests.TOTAL_COUNT_LIMIT);
    }

    @Test
    void withoutFiltersMatchesEverything() throws Exception {
        JsonNode body = body(FindingRequests.page(query(FindingFilter.ANY, FindingSort.NEWEST, null)));

        assertThat(body.at("/query/bool/filter").size()).isZero();
        assertThat(body.at("/query/bool").has("must")).isFalse();
        assertThat(body.has("search_after")).isFalse();
    }

    @Test
    void filtersBySeverityDatabaseAndStatusAsTermsFilters() throws Exception {
        JsonNode body = body(FindingRequests.page(query(filter(List.of("HIGH", "CRITICAL"), List.of("orders"),
                List.of("open")), FindingSort.NEWEST, null)));

        JsonNode filters = body.at("/query/bool/filter");
        assertThat(filters.size()).isEqualTo(3);
        assertThat(filters.get(0).at("/terms/severity").toString()).isEqualTo("[\"HIGH\",\"CRITICAL\"]");
        assertThat(filters.get(1).at("/terms/database").toString()).isEqualTo("[\"orders\"]");
        assertThat(filters.get(2).at("/terms/status").toString()).isEqualTo("[\"open\"]");
    }

    @Test
    void matchesATableWithOrWithoutItsSchema() throws Exception {
        FindingFilter tables = new FindingFilter(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("orders", "sales.items"), List.of(), null, null, null, null);

        JsonNode should = body(FindingRequests.page(query(tables, FindingSort.NEWEST, null)))
                .at("/query/bool/filter/0/bool/should");

        assertThat(should.get(0).at("/term/table/value").asText()).isEqualTo("orders");
        assertThat(should.get(1).at("/bool/filter/0/term/schema/value").asText()).isEqualTo("sales");
        assertThat(should.get(1).at("/bool/filter/1/term/table/value").asText()).isEqualTo("items");
    }

    @Test
    void matchesAnActorByRoleOrApplication() throws Exception {
        FindingFilter actors = new FindingFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("flyway"), null, null, null, null);

        JsonNode should = body(FindingRequests.page(query(actors, FindingSort.NEWEST, null)))
                .at("/query/bool/filter/0/bool/should");

        assertThat(should.get(0).at("/terms/actor.role").toString()).isEqualTo("[\"flyway\"]");
        assertThat(should.get(1).at("/terms/actor.application").toString()).isEqualTo("[\"flyway\"]");
    }

    @Test
    void searchesTextWithAQueryStringThatCannotFailOnSyntax() throws Exception {
        FindingFilter text = new FindingFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), "orders \"(unbalanced", null, null, null);

        JsonNode must = body(FindingRequests.page(query(text, FindingSort.NEWEST, null))).at("/query/bool/must/0");

        assertThat(must.at("/simple_query_string/query").asText()).isEqualTo("orders \"(unbalanced");
        assertThat(must.at("/simple_query_string/fields").toString()).contains("message^3", "statement");
    }

    @Test
    void boundsEventAndDetectionTimes() throws Exception {
        FindingFilter period = new FindingFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), null, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-01T12:00:00Z"));

        JsonNode filters = body(FindingRequests.page(query(period, FindingSort.NEWEST, null))).at("/query/bool/filter");

        assertThat(filters.get(0).at("/range/eventTime/gte").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(filters.get(0).at("/range/eventTime/lt").asText()).isEqualTo("2026-11-02T00:00:00Z");
        assertThat(filters.get(1).at("/range/detectedAt/gt").asText()).isEqualTo("2026-11-01T12:00:00Z");
    }

    @Test
    void sortsNewestFirstWithIdentifyingTiebreakers() throws Exception {
        JsonNode sort = body(FindingRequests.page(query(FindingFilter.ANY, FindingSort.NEWEST, null))).get("sort");

        assertThat(sort.toString()).isEqualTo("[{\"eventTime\":{\"order\":\"desc\"}},{\"position\":{\"order\":\"desc\"}},"
                + "{\"database\":{\"order\":\"asc\"}},{\"ruleId\":{\"order\":\"asc\"}},"
                + "{\"object\":{\"order\":\"asc\"}},{\"_seq_no\":{\"order\":\"asc\"}}]");
    }

    @Test
    void sortsBySeverityThenNewest() throws Exception {
        JsonNode sort = body(FindingRequests.page(query(FindingFilter.ANY, FindingSort.SEVERITY, null))).get("sort");

        assertThat(sort.get(0).toString()).isEqualTo("{\"severityRank\":{\"order\":\"desc\"}}");
        assertThat(sort.get(1).toString()).isEqualTo("{\"eventTime\":{\"order\":\"desc\"}}");
        assertThat(sort.size()).isEqualTo(FindingSort.SEVERITY.fields().size());
    }

    @Test
    void continuesAfterTheCursor() throws Exception {
        FindingCursor after = new FindingCursor(FindingSort.NEWEST,
                Arrays.asList(1_732_000_000_000L, null, "orders", "drop-column", null, 4L));

        JsonNode body = body(FindingRequests.page(query(FindingFilter.ANY, FindingSort.NEWEST, after)));

        assertThat(body.get("search_after").toString()).isEqualTo("[1732000000000,null,\"orders\",\"drop-column\",null,4]");
    }

    @Test
    void listsDatabasesOfEveryIndexAlphabeticallyWithoutHits() throws Exception {
        SearchRequest request = FindingRequests.databases();
        JsonNode body = body(request);

        assertThat(request.index()).contains(ElasticsearchIndices.FINDINGS, ElasticsearchIndices.SCHEMA_HISTORY,
                ElasticsearchIndices.AUDIT_ALIAS);
        assertThat(request.ignoreUnavailable()).isTrue();
        assertThat(body.get("size").asInt()).isZero();
        JsonNode terms = body.at("/aggregations/" + FindingRequests.DATABASES_AGGREGATION + "/terms");
        assertThat(terms.get("field").asText()).isEqualTo("database");
        assertThat(terms.get("order").toString()).isEqualTo("[{\"_key\":\"asc\"}]");
    }

    @Test
    void getsAFindingByItsDocumentId() {
        assertThat(FindingRequests.byId("f-1").index()).isEqualTo(ElasticsearchIndices.FINDINGS);
        assertThat(FindingRequests.byId("f-1").id()).isEqualTo("f-1");
    }
}
