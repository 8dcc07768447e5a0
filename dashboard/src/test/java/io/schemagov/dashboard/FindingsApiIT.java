package io.schemagov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.schemagov.dashboard.FindingFixtures.Fixture;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The findings API and page, end to end against the dev stack's real Elasticsearch. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingsApiIT extends ElasticsearchBackedApi {

    private final List<Fixture> fixtures = FindingFixtures.all();

    @BeforeAll
    void indexFixtures() throws IOException {
        deleteFindingsIndex();
        createFindingsIndex();
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
        for (Fixture fixture : fixtures) {
            bulk.operations(op -> op.index(i -> i
                    .index(ElasticsearchIndices.FINDINGS)
                    .id(fixture.id())
                    .document(fixture.document())));
        }
        BulkResponse response = elasticsearch.bulk(bulk.build());
        assertThat(response.errors()).as("bulk indexing errors").isFalse();
    }

    private List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private List<String> expectedIds(Predicate<Fixture> filter) {
        return fixtures.stream().filter(filter).map(Fixture::id).toList();
    }

    /** Follows {@code next} from the first page to the last, returning every id in the order served. */
    private List<String> allPages(String query) {
        List<String> ids = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Response response = get("/api/findings?" + query + (next == null ? "" : "&after=" + next));
            assertThat(response.status()).isEqualTo(200);
            ids.addAll(idsOf(response.json()));
            next = response.json().get("next").isNull() ? null : response.json().get("next").asText();
            assertThat(++pages).as("pages").isLessThanOrEqualTo(fixtures.size() + 1);
        } while (next != null);
        return ids;
    }

    @Test
    void listsAllFindingsNewestFirst() {
        Response response = get("/api/findings");

        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.get("total").asLong()).isEqualTo(30);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(idsOf(page)).hasSize(30).first().isEqualTo(FindingFixtures.NEWEST_FINDING);
        List<Long> times = new ArrayList<>();
        page.get("items").forEach(item -> times.add(FindingFixtures.eventTimeMillis(item)));
        assertThat(times).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void returnsTheStoredDocumentWithItsId() {
        JsonNode newest = get("/api/findings?size=1").json().get("items").get(0);

        assertThat(newest.get("id").asText()).isEqualTo(FindingFixtures.NEWEST_FINDING);
        assertThat(newest.get("ruleTitle").asText()).startsWith("Rule ");
        assertThat(newest.at("/actor/role").asText()).isEqualTo("dba");
        assertThat(newest.get("severity").asText()).isEqualTo("CRITICAL");
    }

    @Test
    void filtersBySeverity() {
        JsonNode page = get("/api/findings?severity=CRITICAL").json();

        assertThat(idsOf(page)).containsExactlyInAnyOrderElementsOf(expectedIds(f -> f.severity().equals("CRITICAL")));
        assertThat(page.get("total").asLong()).isEqualTo(6);
    }

    @Test
    void filtersByDatabase() {
        JsonNode page = get("/api/findings?database=billing").json();

        assertThat(idsOf(page)).containsExactlyInAnyOrderElementsOf(expectedIds(f -> f.database().equals("billing")));
        page.get("items").forEach(item -> assertThat(item.get("database").asText()).isEqualTo("billing"));
    }

    @Test
    void filtersBySeverityAndDatabase() {
        JsonNode page = get("/api/findings?severity=HIGH&severity=CRITICAL&database=orders").json();

        List<String> expected = expectedIds(f -> f.database().equals("orders")
                && (f.severity().equals("HIGH") || f.severity().equals("CRITICAL")));
        assertThat(expected).isNotEmpty();
        assertThat(idsOf(page)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(page.get("total").asLong()).isEqualTo(expected.size());
    }

    @Test
    void filtersByStatus() {
        JsonNode page = get("/api/findings?status=resolved").json();

        assertThat(idsOf(page)).containsExactlyInAnyOrderElementsOf(expectedIds(f -> f.status().equals("resolved")));
    }

    @Test
    void pagingWithTheCursorReturnsEveryFindingExactlyOnceInOrder() {
        List<String> onePage = idsOf(get("/api/findings?size=500").json());

        assertThat(allPages("size=7")).containsExactlyElementsOf(onePage);
        // Page size 1 puts a page break between every pair of tied findings.
        assertThat(allPages("size=1")).containsExactlyElementsOf(onePage);
        assertThat(onePage).containsExactlyInAnyOrderElementsOf(expectedIds(f -> true));
    }

    @Test
    void pagingKeepsTheFilters() {
        List<String> ids = allPages("size=2&database=orders&severity=LOW&severity=MEDIUM&severity=INFO");

        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedIds(
                f -> f.database().equals("orders") && List.of("LOW", "MEDIUM", "INFO").contains(f.severity())));
    }

    @Test
    void reportsNoNextCursorOnTheLastPage() {
        JsonNode first = get("/api/findings?size=29").json();
        JsonNode last = get("/api/findings?size=29&after=" + first.get("next").asText()).json();

        assertThat(first.get("next").isNull()).isFalse();
        assertThat(idsOf(last)).hasSize(1);
        assertThat(last.get("next").isNull()).isTrue();
        assertThat(last.get("total").asLong()).isEqualTo(30);
    }

    @Test
    void getsOneFindingById() {
        Response response = get("/api/findings/f-03");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asText()).isEqualTo("f-03");
        assertThat(response.json().get("message").asText()).isEqualTo("Finding number 3 on public.table_3");
        assertThat(response.json().get("eventTime").isTextual()).as("ISO time kept as stored").isTrue();
    }

    @Test
    void answers404ForAnUnknownId() {
        Response response = get("/api/findings/no-such-finding");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void answers400ForAnUnknownSeverity() {
        Response response = get("/api/findings?severity=URGENT");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("bad_parameter");
        assertThat(response.json().get("message").asText()).contains("severity");
    }

    @Test
    void answers400ForAMalformedCursorOrSize() {
        assertThat(get("/api/findings?after=bm90LWEtY3Vyc29y").json().get("parameter").asText()).isEqualTo("after");
        assertThat(get("/api/findings?size=0").json().get("parameter").asText()).isEqualTo("size");
    }

    @Test
    void listsBothDatabases() {
        Response response = get("/api/databases");

        assertThat(response.status()).isEqualTo(200);
        // Databases known only from other indices (schema history, audit) are listed too, in order.
        assertThat(response.json().get("databases").toString()).contains("\"billing\",\"orders\"");
    }

    @Test
    void returnsAStatementWithAScriptTagAsUnchangedJsonString() {
        Response response = get("/api/findings/" + FindingFixtures.SCRIPT_FINDING);

        assertThat(response.raw().getHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
        assertThat(response.json().get("statement").isTextual()).isTrue();
        assertThat(response.json().get("statement").asText()).isEqualTo(FindingFixtures.SCRIPT_STATEMENT);
        JsonNode listed = get("/api/findings?size=500").json().get("items");
        listed.forEach(item -> {
            if (item.get("id").asText().equals(FindingFixtures.SCRIPT_FINDING)) {
                assertThat(item.get("statement").asText()).isEqualTo(FindingFixtures.SCRIPT_STATEMENT);
            }
        });
    }

    @Test
    void servesThePagesThatLoadTheirScripts() {
        Response page = get("/findings.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().getHeaders().getContentType()).matches(type -> type.isCompatibleWith(MediaType.TEXT_HTML));
        assertThat(page.raw().getBody()).contains("src=\"/common.js\"", "src=\"/findings.js\"",
                "/webjars/bootstrap/css/bootstrap.min.css", "Load more");
        assertThat(page.raw().getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(get("/").raw().getBody()).contains("src=\"/overview.js\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"common.js", "findings.js", "overview.js", "tables.js", "table.js", "diagram.js", "audit.js",
        "rules.js", "deliveries.js", "login.js"})
    void servesScriptsThatNeverInsertHtml(String script) {
        Response response = get("/" + script);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().getBody()).doesNotContain("innerHTML", "insertAdjacentHTML", "outerHTML",
                "document.write", "eval(");
    }

    @Test
    void servesStylesAndBootstrap() {
        assertThat(get("/app.css").status()).isEqualTo(200);
        assertThat(get("/webjars/bootstrap/css/bootstrap.min.css").status()).isEqualTo(200);
    }

    @Test
    void filtersByRuleTableActorAndText() {
        assertThat(idsOf(get("/api/findings?rule=drop-column&size=500").json()))
                .containsExactlyInAnyOrderElementsOf(expectedIds(f -> f.document().get("ruleId").equals("drop-column")));
        assertThat(idsOf(get("/api/findings?table=public.table_3").json())).containsExactly("f-03");
        assertThat(idsOf(get("/api/findings?table=table_3").json())).containsExactly("f-03");
        assertThat(idsOf(get("/api/findings?table=other.table_3").json())).isEmpty();
        assertThat(idsOf(get("/api/findings?actor=dba&size=500").json()))
                .containsExactlyInAnyOrderElementsOf(expectedIds(f -> "dba".equals(
                        ((java.util.Map<?, ?>) f.document().get("actor")).get("role"))));
        assertThat(idsOf(get("/api/findings?q=number 17").json())).containsExactly("f-17");
        assertThat(idsOf(get("/api/findings?q=alert").json())).containsExactly(FindingFixtures.SCRIPT_FINDING);
    }

    @Test
    void filtersByEventTimeRangeAndDetection() {
        String from = java.time.Instant.ofEpochMilli(FindingFixtures.BASE_TIME + 25 * 60_000L).toString();
        String to = java.time.Instant.ofEpochMilli(FindingFixtures.BASE_TIME + 28 * 60_000L).toString();

        assertThat(idsOf(get("/api/findings?from=" + from + "&to=" + to).json()))
                .containsExactly("f-27", "f-26", "f-25");
        assertThat(idsOf(get("/api/findings?detectedAfter=" + to).json())).containsExactly("f-29", "f-28");
        assertThat(get("/api/findings?from=" + to + "&to=" + from).json().get("parameter").asText()).isEqualTo("to");
        assertThat(get("/api/findings?since=forever").json().get("parameter").asText()).isEqualTo("since");
    }

    @ParameterizedTest
    @ValueSource(strings = {"oldest", "severity"})
    void pagingInAnyOrderReturnsEveryFindingExactlyOnce(String sort) {
        List<String> onePage = idsOf(get("/api/findings?size=500&sort=" + sort).json());

        assertThat(allPages("size=4&sort=" + sort)).containsExactlyElementsOf(onePage);
        assertThat(onePage).containsExactlyInAnyOrderElementsOf(expectedIds(f -> true));
        if (sort.equals("severity")) {
            assertThat(get("/api/findings?sort=severity&size=1").json().get("items").get(0).get("severity").asText())
                    .isEqualTo("CRITICAL");
        } else {
            assertThat(onePage.get(0)).isEqualTo("f-00");
        }
    }

    @Test
    void refusesACursorOfAnotherOrder() {
        String next = get("/api/findings?size=2&sort=oldest").json().get("next").asText();

        assertThat(get("/api/findings?size=2&sort=newest&after=" + next).json().get("parameter").asText())
                .isEqualTo("after");
    }

    @Test
    void exportsTheFilterAsCsvWithFormulasDefused() {
        ResponseEntity<String> response = http.getForEntity("/api/findings/export?format=csv&database=orders",
                String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("schemagov-findings.csv");
        List<String> lines = response.getBody().lines().toList();
        assertThat(lines.get(0)).startsWith("id,eventTime,detectedAt,severity,status,ruleId,database");
        assertThat(lines).hasSize(1 + (int) fixtures.stream().filter(f -> f.database().equals("orders")).count());
        assertThat(lines.get(1)).as("newest finding of orders first").startsWith("f-28,");
    }

    @Test
    void exportsTheFilterAsJson() {
        Response response = get("/api/findings/export?format=json&severity=CRITICAL");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("truncated").asBoolean()).isFalse();
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expectedIds(f -> f.severity().equals("CRITICAL")));
    }

    @Test
    void describesTheApiWithOpenApiBehindTheLogin() {
        Response docs = get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asText()).startsWith("3.");
        assertThat(docs.json().path("paths").has("/api/findings")).isTrue();
        assertThat(docs.json().path("paths").has("/api/findings/{id}/acknowledge")).isTrue();
        assertThat(docs.json().path("paths").has("/api/audit/records")).isTrue();
        assertThat(anonymous.getForEntity("/v3/api-docs", String.class).getStatusCode().value()).isEqualTo(401);
    }
}
