package io.schemagov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.audit.AuditChain;
import io.schemagov.model.audit.AuditFacts;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.ResponseEntity;

/** The audit verification and export routes over chained records in the real Elasticsearch. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiIT extends ElasticsearchBackedApi {

    private static final String DATABASE = "audit_api";

    @BeforeAll
    void indexAChainOfThree() throws Exception {
        elasticsearch.indices().putIndexTemplate(t -> t.name(ElasticsearchIndices.AUDIT_TEMPLATE)
                .withJson(new StringReader(ElasticsearchIndices.auditTemplate())));
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("database", DATABASE);
            doc.put("table", "public.notes");
            doc.put("operation", "INSERT");
            doc.put("position", "00000000/0000000" + i);
            doc.put("transactionId", 100 + i);
            doc.put("eventTime", "2026-01-01T10:00:0" + i + "Z");
            doc.put("key", Map.of("id", String.valueOf(i)));
            doc.put("after", Map.of("id", String.valueOf(i), "body", i == 2 ? "=cmd|' /C calc'!A0" : "note " + i));
            doc.put("maskedColumns", List.of());
            String hash = AuditChain.hash(AuditFacts.of(doc), i, previous);
            doc.put("chain", Map.of("sequence", i, "previousHash", previous, "hash", hash));
            previous = hash;
            String id = "n" + i;
            elasticsearch.index(x -> x.index(ElasticsearchIndices.auditIndex(DATABASE, Instant.parse("2026-01-01T10:00:00Z")))
                    .id(id).document(doc).refresh(Refresh.True));
        }
    }

    @Test
    void verifiesATablesTrail() {
        Response response = get("/api/audit/verify?database=" + DATABASE + "&table=public.notes");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("intact").asBoolean()).isTrue();
        assertThat(response.json().path("checked").asInt()).isEqualTo(3);
        assertThat(response.json().path("lastSequence").asLong()).isEqualTo(3);
    }

    @Test
    void exportsJsonWithTheVerificationAttached() {
        Response response = get("/api/audit/export?database=" + DATABASE + "&format=json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().getHeaders().getFirst("Content-Disposition")).contains("audit-audit_api.json");
        assertThat(response.json().path("tables").get(0).path("verification").path("intact").asBoolean()).isTrue();
        assertThat(response.json().path("tables").get(0).path("records")).hasSize(3);
    }

    @Test
    void exportsCsvThatNoSpreadsheetEvaluates() {
        ResponseEntity<String> response = http.getForEntity("/api/audit/export?database=" + DATABASE
                + "&table=public.notes&format=csv", String.class);

        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = response.getBody().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("database,table,sequence,operation");
        // A row's values travel as one JSON cell, so a value that looks like a formula never starts a cell.
        assertThat(lines.get(2)).contains("\"\"body\"\":\"\"=cmd").doesNotContain(",\"=").endsWith("\"verified\"");
    }

    @Test
    void refusesAnIncompleteQuestion() {
        assertThat(get("/api/audit/verify?table=public.notes").json().path("parameter").asText()).isEqualTo("database");
        assertThat(get("/api/audit/verify?database=x").json().path("parameter").asText()).isEqualTo("table");
        assertThat(get("/api/audit/export?database=x&format=xml").status()).isEqualTo(400);
        assertThat(get("/api/audit/verify?database=x&table=a.b&from=yesterday").json().path("parameter").asText())
                .isEqualTo("from");
    }

    @Test
    void listsRecordsNewestFirstWithBeforeAndAfterAsStored() {
        JsonNode page = get("/api/audit/records?database=" + DATABASE + "&table=public.notes").json();

        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("items").get(0).path("chain").path("sequence").asLong()).isEqualTo(3);
        assertThat(page.path("items").get(1).path("after").path("body").asText()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(page.path("next").isNull()).isTrue();
    }

    @Test
    void pagesRecordsWithACursorAndFiltersByTransactionAndOperation() {
        JsonNode first = get("/api/audit/records?database=" + DATABASE + "&size=2").json();
        JsonNode second = get("/api/audit/records?database=" + DATABASE + "&size=2&after=" + first.path("next").asText())
                .json();

        assertThat(first.path("items")).hasSize(2);
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("chain").path("sequence").asLong()).isEqualTo(1);
        assertThat(get("/api/audit/records?database=" + DATABASE + "&transactionId=102").json().path("items"))
                .singleElement().satisfies(r -> assertThat(r.path("transactionId").asLong()).isEqualTo(102));
        assertThat(get("/api/audit/records?database=" + DATABASE + "&operation=delete").json().path("total").asLong())
                .isZero();
        assertThat(get("/api/audit/records?database=" + DATABASE + "&operation=MERGE").json().path("parameter").asText())
                .isEqualTo("operation");
        assertThat(get("/api/audit/records?database=" + DATABASE + "&after=garbage").json().path("parameter").asText())
                .isEqualTo("after");
    }
}
