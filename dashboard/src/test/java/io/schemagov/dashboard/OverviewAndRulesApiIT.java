package io.schemagov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The overview's counts, timeline and ingest status, and the rules in force, over real indices. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewAndRulesApiIT extends ElasticsearchBackedApi {

    private static final String DB = "overview_db";
    private final Instant now = Instant.now();

    private Map<String, Object> finding(String severity, String status, String rule, String table, Duration ago,
            long lagMillis) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ruleId", rule);
        doc.put("severity", severity);
        doc.put("status", status);
        doc.put("database", DB);
        doc.put("schema", "public");
        doc.put("table", table);
        doc.put("object", "public." + table);
        doc.put("eventTime", now.minus(ago).toString());
        doc.put("detectedAt", now.minus(ago).plusMillis(lagMillis).toString());
        doc.put("baseline", false);
        return doc;
    }

    @BeforeAll
    void indexFindingsAndRules() throws IOException {
        if (!elasticsearch.indices().exists(e -> e.index(ElasticsearchIndices.FINDINGS)).value()) {
            createFindingsIndex();
        }
        if (!elasticsearch.indices().exists(e -> e.index(ElasticsearchIndices.RULES)).value()) {
            elasticsearch.indices().create(c -> c.index(ElasticsearchIndices.RULES)
                    .withJson(new StringReader(ElasticsearchIndices.rulesDefinition())));
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
        Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
        docs.put("ov-1", finding("CRITICAL", "open", "table-rewrite", "orders", Duration.ofHours(2), 100));
        docs.put("ov-2", finding("HIGH", "open", "table-rewrite", "orders", Duration.ofHours(5), 200));
        docs.put("ov-3", finding("HIGH", "open", "index-without-concurrently", "items", Duration.ofDays(2), 300));
        docs.put("ov-4", finding("LOW", "resolved", "primary-key-missing", "items", Duration.ofDays(3), 400));
        docs.put("ov-old", finding("CRITICAL", "open", "table-rewrite", "orders", Duration.ofDays(40), 500));
        docs.put("rule:table-rewrite", Map.of("kind", "rule", "ruleId", "table-rewrite", "family", "schema",
                "title", "Table rewritten", "enabled", true, "defaultSeverity", "MEDIUM", "severity", "HIGH",
                "publishedAt", now.toString(), "details", Map.of("rationale", "why", "remediation", "how")));
        docs.put("rule:audit-columns-missing", Map.of("kind", "rule", "ruleId", "audit-columns-missing",
                "family", "schema", "enabled", false, "defaultSeverity", "LOW", "publishedAt", now.toString()));
        docs.put("suppression:x", Map.of("kind", "suppression", "ruleId", "primary-key-missing", "object",
                "public.legacy_*", "author", "dba@example.com", "reason", "replaced in Q1", "expires", "2099-12-31",
                "details", Map.of("order", 0)));
        docs.forEach((id, doc) -> bulk.operations(op -> op.index(i -> i
                .index(id.startsWith("ov") ? ElasticsearchIndices.FINDINGS : ElasticsearchIndices.RULES)
                .id(id).document(doc))));
        assertThat(elasticsearch.bulk(bulk.build()).errors()).isFalse();
    }

    @Test
    void countsOpenFindingsBySeverityWithinThePeriod() {
        JsonNode overview = get("/api/overview?since=7d&database=" + DB).json();

        assertThat(overview.path("openBySeverity").path("CRITICAL").asLong()).isEqualTo(1);
        assertThat(overview.path("openBySeverity").path("HIGH").asLong()).isEqualTo(2);
        assertThat(overview.path("byStatus").path("resolved").asLong()).isEqualTo(1);
        assertThat(overview.path("topRules").get(0).path("key").asText()).isEqualTo("table-rewrite");
        assertThat(overview.path("topRules").get(0).path("count").asLong()).isEqualTo(2);
        assertThat(overview.path("topTables").get(0).path("table").asText()).isEqualTo("orders");
    }

    @Test
    void drawsTheTimelineInBucketsThatAddUp() {
        JsonNode overview = get("/api/overview?since=7d&database=" + DB).json();

        long total = 0;
        for (JsonNode bucket : overview.path("timeline")) {
            for (JsonNode count : bucket.path("bySeverity")) {
                total += count.asLong();
            }
        }
        assertThat(overview.path("bucket").asText()).isEqualTo("3h");
        assertThat(overview.path("timeline").size()).isBetween(50, 60);
        assertThat(total).isEqualTo(4);
    }

    @Test
    void reportsEachDatabasesLastFindingAndPipelineLag() {
        JsonNode overview = get("/api/overview?since=24h&database=" + DB).json();

        JsonNode db = null;
        for (JsonNode d : overview.path("databases")) {
            if (d.path("database").asText().equals(DB)) {
                db = d;
            }
        }
        assertThat(db).isNotNull();
        assertThat(db.path("openFindings").asLong()).isEqualTo(4);
        assertThat(db.path("lastFinding").asLong()).isEqualTo(now.minus(Duration.ofHours(2)).plusMillis(100).toEpochMilli());
        assertThat(db.path("pipelineLagMillis").asLong()).isEqualTo(300);
    }

    @Test
    void rejectsABadPeriod() {
        assertThat(get("/api/overview?since=forever").json().path("parameter").asText()).isEqualTo("since");
        assertThat(get("/api/overview?since=0d").status()).isEqualTo(400);
    }

    @Test
    void listsTheRulesInForceAndTheSuppressions() {
        JsonNode rules = get("/api/rules").json();

        assertThat(rules.path("rules").get(0).path("ruleId").asText()).isEqualTo("audit-columns-missing");
        assertThat(rules.path("rules").get(0).path("enabled").asBoolean()).isFalse();
        assertThat(rules.path("rules").get(1).path("severity").asText()).isEqualTo("HIGH");
        assertThat(rules.path("suppressions").get(0).path("author").asText()).isEqualTo("dba@example.com");
        assertThat(rules.path("suppressions").get(0).path("expires").asText()).isEqualTo("2099-12-31");
    }
}
