package io.schemagov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Tables, their timelines, diffs and the schema diagram, over a real schema history index. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TablesApiIT extends ElasticsearchBackedApi {

    private static final String DB = SchemaHistoryFixtures.DATABASE;

    @BeforeAll
    void indexHistoryAndAFinding() throws IOException {
        if (!elasticsearch.indices().exists(e -> e.index(ElasticsearchIndices.SCHEMA_HISTORY)).value()) {
            elasticsearch.indices().create(c -> c.index(ElasticsearchIndices.SCHEMA_HISTORY)
                    .withJson(new StringReader(ElasticsearchIndices.schemaHistoryDefinition())));
        }
        if (!elasticsearch.indices().exists(e -> e.index(ElasticsearchIndices.FINDINGS)).value()) {
            createFindingsIndex();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
        SchemaHistoryFixtures.all().forEach((id, doc) -> bulk.operations(op -> op.index(i -> i
                .index(ElasticsearchIndices.SCHEMA_HISTORY).id(id).document(doc))));
        bulk.operations(op -> op.index(i -> i.index(ElasticsearchIndices.FINDINGS).id("tables-f1").document(Map.of(
                "ruleId", "foreign-key-without-index", "severity", "MEDIUM", "status", "open", "database", DB,
                "schema", "public", "table", "orders", "object", "public.orders", "eventTime", "2026-11-03T10:00:00Z"))));
        assertThat(elasticsearch.bulk(bulk.build()).errors()).isFalse();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asText()));
        return values;
    }

    @Test
    void listsEveryTableInItsLatestStateWithOpenFindings() {
        JsonNode tables = get("/api/tables?database=" + DB).json().get("tables");

        assertThat(texts(tables, "table")).containsExactly("customers", "orders", "scratch");
        assertThat(texts(tables, "kind")).containsExactly("snapshot", "snapshot", "dropped");
        assertThat(tables.get(1).path("openFindings").asLong()).isEqualTo(1);
        assertThat(tables.get(0).path("openFindings").asLong()).isZero();
        assertThat(tables.get(1).has("snapshot")).as("the list leaves snapshots out").isFalse();
    }

    @Test
    void showsATableTimelineNewestFirstWithItsCurrentStructure() {
        JsonNode answer = get("/api/tables/history?database=" + DB + "&schema=public&table=orders").json();

        assertThat(texts(answer.get("history"), "id")).containsExactly(DB + "-h-orders-2", DB + "-h-orders-1");
        assertThat(answer.get("history").get(1).path("statement").asText()).startsWith("CREATE TABLE orders");
        assertThat(texts(answer.path("current").path("snapshot").path("columns"), "name"))
                .containsExactly("id", "customer_id", "note");
        assertThat(get("/api/tables/history?database=" + DB + "&schema=public&table=scratch").json()
                .get("current").isNull()).as("a dropped table has no current structure").isTrue();
        assertThat(get("/api/tables/history?database=" + DB + "&schema=public&table=nope").status()).isEqualTo(404);
    }

    @Test
    void diffsTwoPointsOfATimeline() {
        JsonNode diff = get("/api/tables/diff?from=" + DB + "-h-orders-1&to=" + DB + "-h-orders-2").json();

        assertThat(diff.get("changes")).hasSize(1);
        assertThat(diff.get("changes").get(0).path("part").asText()).isEqualTo("column");
        assertThat(diff.get("changes").get(0).path("name").asText()).isEqualTo("note");
        assertThat(diff.get("changes").get(0).path("change").asText()).isEqualTo("added");
        assertThat(get("/api/tables/diff?from=" + DB + "-h-orders-1&to=" + DB + "-h-customers-1").json().path("parameter").asText())
                .isEqualTo("to");
    }

    @Test
    void findsTheTableAsItWasAtAMoment() {
        JsonNode before = get("/api/tables/at?database=" + DB + "&schema=public&table=orders&time=2026-11-02T12:00:00Z")
                .json();

        assertThat(before.path("id").asText()).isEqualTo(DB + "-h-orders-1");
        assertThat(get("/api/tables/at?database=" + DB + "&schema=public&table=orders&time=2026-10-01T00:00:00Z")
                .status()).isEqualTo(404);
    }

    @Test
    void drawsTheSchemaDiagramWithoutDroppedTables() {
        JsonNode diagram = get("/api/diagram?database=" + DB + "&schema=public").json();

        assertThat(texts(diagram.get("tables"), "table")).containsExactlyInAnyOrder("customers", "orders");
        assertThat(diagram.get("foreignKeys")).hasSize(1);
        assertThat(diagram.get("foreignKeys").get(0).path("referenced").asText()).isEqualTo("public.customers");
        diagram.get("tables").forEach(t -> {
            if (t.path("table").asText().equals("orders")) {
                assertThat(t.path("openFindings").asLong()).isEqualTo(1);
            }
        });
    }

    @Test
    void requiresTheDatabase() {
        assertThat(get("/api/tables").json().path("parameter").asText()).isEqualTo("database");
        assertThat(get("/api/diagram").json().path("parameter").asText()).isEqualTo("database");
    }
}
