package io.schemagov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Admins acknowledge, suppress and reopen findings; each decision is recorded with who, when and why. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageApiIT extends ElasticsearchBackedApi {

    private static final String ID = "triage-f1";

    @BeforeEach
    void indexAnOpenFinding() throws IOException {
        if (!elasticsearch.indices().exists(e -> e.index(ElasticsearchIndices.FINDINGS)).value()) {
            createFindingsIndex();
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ruleId", "index-without-concurrently");
        doc.put("severity", "HIGH");
        doc.put("status", "open");
        doc.put("database", "triage_db");
        doc.put("schema", "public");
        doc.put("table", "orders");
        doc.put("object", "public.orders_idx");
        doc.put("message", "CREATE INDEX took a SHARE lock");
        doc.put("eventTime", "2025-06-01T10:00:00Z");
        doc.put("detectedAt", "2025-06-01T10:00:01Z");
        elasticsearch.index(i -> i.index(ElasticsearchIndices.FINDINGS).id(ID).document(doc).refresh(Refresh.True));
    }

    private ResponseEntity<String> post(TestRestTemplate as, String action, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as.postForEntity("/api/findings/" + ID + "/" + action, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode json(ResponseEntity<String> response) throws IOException {
        return JSON.readTree(response.getBody());
    }

    @Test
    void anAdminAcknowledgesWithAReasonAndItIsRecorded() throws Exception {
        ResponseEntity<String> response = post(admin, "acknowledge", "{\"reason\":\"built off-peak, accepted\"}");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode finding = get("/api/findings/" + ID).json();
        assertThat(finding.path("status").asText()).isEqualTo("acknowledged");
        assertThat(finding.path("acknowledgement").path("by").asText()).isEqualTo(TestUsers.ADMIN);
        assertThat(finding.path("acknowledgement").path("reason").asText()).isEqualTo("built off-peak, accepted");
        assertThat(finding.path("acknowledgement").path("at").asText()).isNotBlank();
        var log = elasticsearch.search(s -> s.index("schemagov-triage-log")
                .query(q -> q.term(t -> t.field("findingId.keyword").value(ID))), Map.class).hits().hits();
        assertThat(log).anySatisfy(hit -> {
            assertThat(hit.source().get("action")).isEqualTo("acknowledge");
            assertThat(hit.source().get("by")).isEqualTo(TestUsers.ADMIN);
            assertThat(hit.source().get("previousStatus")).isEqualTo("open");
        });
    }

    @Test
    void anAdminSuppressesUntilADateAndReopens() throws Exception {
        String until = LocalDate.now().plusDays(30).toString();

        JsonNode suppressed = json(post(admin, "suppress", "{\"reason\":\"legacy table\",\"expires\":\"" + until + "\"}"));
        JsonNode reopened = json(post(admin, "reopen", "{\"reason\":\"the table is in use again\"}"));

        assertThat(suppressed.path("status").asText()).isEqualTo("suppressed");
        assertThat(suppressed.path("suppression").path("source").asText()).isEqualTo("dashboard");
        assertThat(suppressed.path("suppression").path("author").asText()).isEqualTo(TestUsers.ADMIN);
        assertThat(suppressed.path("suppression").path("expires").asText()).isEqualTo(until);
        assertThat(reopened.path("status").asText()).isEqualTo("open");
        assertThat(reopened.path("suppression").isNull() || reopened.path("suppression").isMissingNode()).isTrue();
    }

    @Test
    void aViewerMayNotTriage() {
        ResponseEntity<String> response = post(http, "acknowledge", "{\"reason\":\"x\"}");

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(get("/api/findings/" + ID).json().path("status").asText()).isEqualTo("open");
    }

    @Test
    void nobodyMayTriageWithoutLogin() {
        assertThat(post(anonymous, "acknowledge", "{\"reason\":\"x\"}").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aDecisionNeedsAReasonAndAFutureExpiry() throws Exception {
        assertThat(json(post(admin, "acknowledge", "{}")).path("parameter").asText()).isEqualTo("reason");
        assertThat(json(post(admin, "suppress", "{\"reason\":\"r\",\"expires\":\"2020-01-01\"}")).path("parameter")
                .asText()).isEqualTo("expires");
        assertThat(json(post(admin, "suppress", "{\"reason\":\"r\",\"expires\":\"soon\"}")).path("parameter").asText())
                .isEqualTo("expires");
        assertThat(get("/api/findings/" + ID).json().path("status").asText()).isEqualTo("open");
    }

    @Test
    void triageOfAnUnknownFindingIs404() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(admin.postForEntity("/api/findings/nope/acknowledge", new HttpEntity<>("{\"reason\":\"r\"}", headers),
                String.class).getStatusCode().value()).isEqualTo(404);
    }
}
