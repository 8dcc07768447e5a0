package io.schemagov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import io.schemagov.model.ElasticsearchIndices;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The alert delivery log as the dashboard serves it, over the real Elasticsearch. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveriesApiIT extends ElasticsearchBackedApi {

    @BeforeAll
    void indexTwoDeliveries() throws Exception {
        if (!elasticsearch.indices().exists(e -> e.index(ElasticsearchIndices.ALERT_DELIVERIES)).value()) {
            elasticsearch.indices().create(c -> c.index(ElasticsearchIndices.ALERT_DELIVERIES)
                    .withJson(new StringReader(ElasticsearchIndices.alertDeliveriesDefinition())));
        }
        elasticsearch.index(i -> i.index(ElasticsearchIndices.ALERT_DELIVERIES).id("d1").refresh(Refresh.True)
                .document(Map.of("channel", "ops-slack", "status", "delivered", "kind", "ALERT", "database", "deliv_db",
                        "at", "2026-11-20T10:00:00Z", "attempts", 1)));
        elasticsearch.index(i -> i.index(ElasticsearchIndices.ALERT_DELIVERIES).id("d2").refresh(Refresh.True)
                .document(Map.of("channel", "ops-hook", "status", "failed", "kind", "ALERT", "database", "deliv_db",
                        "at", "2026-11-20T11:00:00Z", "attempts", 5, "error", "HTTP 503 <b>down</b>")));
    }

    @Test
    void listsTheLogNewestFirstAndFiltersByStatus() {
        Response all = get("/api/alerts/deliveries?database=deliv_db");
        Response failed = get("/api/alerts/deliveries?database=deliv_db&status=failed");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json()).extracting(n -> n.path("channel").asText()).containsExactly("ops-hook", "ops-slack");
        assertThat(failed.json()).singleElement().satisfies(n -> {
            assertThat(n.path("error").asText()).isEqualTo("HTTP 503 <b>down</b>");
            assertThat(n.path("attempts").asInt()).isEqualTo(5);
        });
    }

    @Test
    void refusesAnUnknownStatusOrSize() {
        assertThat(get("/api/alerts/deliveries?status=lost").json().path("parameter").asText()).isEqualTo("status");
        assertThat(get("/api/alerts/deliveries?size=0").json().path("parameter").asText()).isEqualTo("size");
    }

    @Test
    void servesThePage() {
        Response page = get("/deliveries.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().getBody()).contains("deliveries.js");
    }
}
