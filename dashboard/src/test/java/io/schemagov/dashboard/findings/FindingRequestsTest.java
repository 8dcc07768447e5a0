package io.schemagov.dashboard.findings;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemagov.model.ElasticsearchIndices;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(SearchRequest request) throws Exception {
        return JSON.readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }

    private static FindingQuery query(List<String> severities, List<String> databases, List<String> statuses,
                                      FindingCursor after) {
        return new FindingQuery(severities, databases, statuses, 25, after);
    }

    @Test
    void searchesTheFindingsIndexToleratingItsAbsence() {
        SearchRequest request = FindingRequests.page(query(List.of(), List.of(), List.of(), null));

        assertThat(request.index()).containsExactly(ElasticsearchIndices.FINDINGS);
        assertThat(request.ignoreUnavailable()).isTrue();
        assertThat(request.allowNoIndices()).isTrue();
    }

    @Test
    void asksForOneHitMoreThanThePageAndCountsAllMatches() throws Exception {
        JsonNode body = body(FindingRequests.page(query(List.of(), List.of(), List.of(), null)));

        assertThat(body.get("size").asInt()).isEqualTo(26);
        assertThat(body.get("track_total_hits").asBoolean()).isTrue();
    }

    @Test
    void withoutFiltersMatchesEverything() throws Exception {
        JsonNode body = body(FindingRequests.page(query(List.of(), List.of(), List.of(), null)));

        assertThat(body.at("/query/bool/filter").size()).isZero();
        assertThat(body.has("search_after")).isFalse();
    }

    @Test
    void filtersBySeverityDatabaseAndStatusAsTermsFilters() throws Exception {
        JsonNode body = body(FindingRequests.page(
                query(List.of("HIGH", "CRITICAL"), List.of("orders"), List.of("open"), null)));

        JsonNode filters = body.at("/query/bool/filter");
        assertThat(filters.size()).isEqualTo(3);
        assertThat(filters.get(0).at("/terms/severity").toString()).isEqualTo("[\"HIGH\",\"CRITICAL\"]");
        assertThat(filters.get(1).at("/terms/database").toString()).isEqualTo("[\"orders\"]");
        assertThat(filters.get(2).at("/terms/status").toString()).isEqualTo("[\"open\"]");
    }

    @Test
    void sortsNewestFirstWithIdentifyingTiebreakers() throws Exception {
        JsonNode sort = body(FindingRequests.page(query(List.of(), List.of(), List.of(), null))).get("sort");

        assertThat(sort.toString()).isEqualTo("[{\"eventTime\":{\"order\":\"desc\"}},{\"position\":{\"order\":\"desc\"}},"
                + "{\"database\":{\"order\":\"asc\"}},{\"ruleId\":{\"order\":\"asc\"}},"
                + "{\"object\":{\"order\":\"asc\"}},{\"_seq_no\":{\"order\":\"asc\"}}]");
    }

    @Test
    void continuesAfterTheCursor() throws Exception {
        FindingCursor after = new FindingCursor(1_732_000_000_000L, null, "orders", "drop-column", null, 4);

        JsonNode body = body(FindingRequests.page(query(List.of(), List.of(), List.of(), after)));

        assertThat(body.get("search_after").toString()).isEqualTo("[1732000000000,null,\"orders\",\"drop-column\",null,4]");
    }

    @Test
    void listsDatabasesAlphabeticallyWithoutHits() throws Exception {
        SearchRequest request = FindingRequests.databases();
        JsonNode body = body(request);

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
