package io.schemagov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import io.schemagov.dashboard.FindingFixtures.Fixture;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard as a person uses it, in a real headless Chromium against the real Elasticsearch: refused without a
 * login, log in, filter, open a detail, see a finding arrive live, export CSV, the table timeline with a diff, the
 * diagram, and a statement holding a script tag that stays inert. A screenshot of each main page is kept in
 * {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT extends ElasticsearchBackedApi {

    /** Its own database, apart from the other test classes' fixtures in the same Elasticsearch. */
    private static final String DATABASE = "shop_browser";

    @LocalServerPort
    private int port;
    private Browser browser;

    @BeforeAll
    void indexFixturesAndStartTheBrowser() throws IOException {
        deleteFindingsIndex();
        createFindingsIndex();
        if (!elasticsearch.indices().exists(e -> e.index(ElasticsearchIndices.SCHEMA_HISTORY)).value()) {
            elasticsearch.indices().create(c -> c.index(ElasticsearchIndices.SCHEMA_HISTORY)
                    .withJson(new StringReader(ElasticsearchIndices.schemaHistoryDefinition())));
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
        for (Fixture fixture : FindingFixtures.all()) {
            bulk.operations(op -> op.index(i -> i.index(ElasticsearchIndices.FINDINGS).id(fixture.id())
                    .document(fixture.document())));
        }
        SchemaHistoryFixtures.all(DATABASE).forEach((id, doc) -> bulk.operations(op -> op.index(i -> i
                .index(ElasticsearchIndices.SCHEMA_HISTORY).id(id).document(doc))));
        bulk.operations(op -> op.index(i -> i.index(ElasticsearchIndices.FINDINGS).id("browser-orders")
                .document(finding("browser-orders", "MEDIUM", DATABASE, "orders",
                        "2026-11-03T10:00:00Z"))));
        assertThat(elasticsearch.bulk(bulk.build()).errors()).isFalse();
        browser = Browser.start();
    }

    @AfterAll
    void stopTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static Map<String, Object> finding(String id, String severity, String database, String table, String time) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ruleId", "foreign-key-without-index");
        doc.put("ruleTitle", "Foreign key without an index");
        doc.put("severity", severity);
        doc.put("severityRank", List.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL").indexOf(severity));
        doc.put("status", "open");
        doc.put("database", database);
        doc.put("schema", "public");
        doc.put("table", table);
        doc.put("object", "public." + table);
        doc.put("message", "Finding " + id);
        doc.put("statement", "ALTER TABLE " + table + " ADD FOREIGN KEY (customer_id) REFERENCES customers");
        doc.put("eventTime", time);
        doc.put("detectedAt", time);
        return doc;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#findings-body tr"));
    }

    @Test
    @Order(1)
    void aVisitorWithoutLoginLandsOnTheLoginPage() {
        browser.driver.get(url("/findings.html"));

        browser.await().until(ExpectedConditions.urlContains("/login.html"));
        assertThat(browser.driver.findElement(By.id("login-form")).isDisplayed()).isTrue();
        browser.screenshot("login");
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedAndTheRightOneLogsIn() {
        browser.driver.findElement(By.id("username")).sendKeys(TestUsers.ADMIN);
        browser.driver.findElement(By.id("password")).sendKeys("not-the-password");
        browser.driver.findElement(By.id("login-button")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(browser.driver.getCurrentUrl()).contains("/login.html");

        browser.driver.findElement(By.id("password")).clear();
        browser.driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.driver.findElement(By.id("login-button")).click();

        browser.await().until(ExpectedConditions.urlContains("/findings.html"));
        browser.await().until(d -> rows().size() == 31);
        assertThat(browser.driver.findElement(By.id("current-user")).getText()).contains(TestUsers.ADMIN);
        browser.screenshot("findings");
    }

    @Test
    @Order(3)
    void filtersFindingsBySeverity() {
        browser.driver.findElement(By.id("sev-critical")).click();
        browser.driver.findElement(By.id("apply")).click();

        browser.await().until(d -> rows().size() == 6);
        assertThat(rows()).allSatisfy(row -> assertThat(row.findElement(By.cssSelector(".badge")).getText())
                .isEqualTo("CRITICAL"));
        assertThat(browser.driver.findElement(By.id("summary")).getText()).contains("of 6 findings");
    }

    @Test
    @Order(4)
    void opensADetailWithTheStatementAndRemediation() {
        rows().get(0).click();

        WebElement statement = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("detail-statement")));
        assertThat(statement.getText()).startsWith("ALTER TABLE public.table_");
        assertThat(browser.driver.findElement(By.id("detail-remediation")).getText()).startsWith("Do the change");
        assertThat(browser.driver.findElement(By.id("triage-actions")).isDisplayed()).as("admin actions").isTrue();
        browser.screenshot("finding-detail");
    }

    @Test
    @Order(5)
    void aStatementWithAScriptTagIsShownAsTextAndNeverRuns() {
        browser.driver.findElement(By.id("sev-critical")).click();
        browser.driver.findElement(By.id("q")).sendKeys("alert");
        browser.driver.findElement(By.id("apply")).click();
        browser.await().until(d -> rows().size() == 1);

        rows().get(0).click();

        browser.await().until(d -> FindingFixtures.SCRIPT_STATEMENT.equals(
                d.findElement(By.id("detail-statement")).getText()));
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.driver.findElements(By.cssSelector("#detail script, #findings script"))).isEmpty();
        browser.screenshot("script-tag-inert");
    }

    @Test
    @Order(6)
    void aNewFindingAppearsWithoutAReload() throws IOException {
        browser.driver.findElement(By.id("q")).clear();
        browser.driver.findElement(By.id("apply")).click();
        browser.await().until(d -> rows().size() == 31);
        String now = Instant.now().toString();

        elasticsearch.index(i -> i.index(ElasticsearchIndices.FINDINGS).id("live-1")
                .document(finding("live-1", "CRITICAL", "orders", "arrived_live", now)).refresh(Refresh.True));

        WebElement fresh = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#findings-body tr[data-id='live-1']")));
        assertThat(rows().get(0).getAttribute("data-id")).isEqualTo("live-1");
        assertThat(fresh.getText()).contains("Finding live-1");
        browser.driver.findElement(By.id("live")).click();
        assertThat(browser.driver.findElement(By.id("live-status")).getText()).isEqualTo("Paused");
        browser.screenshot("findings-live");
    }

    @Test
    @Order(7)
    void exportsTheCurrentFilterAsCsv() throws Exception {
        browser.driver.findElement(By.id("sev-high")).click();
        browser.driver.findElement(By.id("apply")).click();
        browser.await().until(d -> rows().size() == 6);

        browser.driver.findElement(By.id("export-csv")).click();

        browser.await().until(d -> {
            try {
                return !browser.downloaded().isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
        Path csv = browser.downloaded().get(0);
        List<String> lines = Files.readAllLines(csv);
        assertThat(csv.getFileName().toString()).isEqualTo("schemagov-findings.csv");
        assertThat(lines.get(0)).startsWith("id,eventTime");
        assertThat(lines).hasSize(7);
        assertThat(lines.subList(1, 7)).allSatisfy(line -> assertThat(line).contains(",HIGH,"));
    }

    @Test
    @Order(8)
    void showsATableTimelineAndTheDiffBetweenTwoPoints() {
        browser.driver.get(url("/table.html?database=" + DATABASE + "&schema=public&table=orders"));

        browser.await().until(d -> d.findElements(By.cssSelector("#timeline li")).size() == 2);
        assertThat(browser.driver.findElement(By.id("columns")).getText()).contains("customer_id", "note");
        browser.driver.findElements(By.cssSelector("#timeline input[name='from']")).get(1).click();
        browser.driver.findElement(By.id("diff-button")).click();

        WebElement diff = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("diff-table")));
        assertThat(diff.getText()).contains("column", "note", "added");
        browser.screenshot("table-timeline");
    }

    @Test
    @Order(9)
    void drawsTheDiagramWithTheTableThatHasFindingsMarked() {
        browser.driver.get(url("/diagram.html?database=" + DATABASE + "&schema=public"));

        browser.await().until(d -> d.findElements(By.cssSelector("#er-diagram .er-table")).size() == 2);
        assertThat(browser.driver.findElements(By.cssSelector("#er-diagram .er-key"))).hasSize(1);
        List<WebElement> marked = browser.driver.findElements(By.cssSelector("#er-diagram .er-table.has-findings"));
        assertThat(marked).singleElement().satisfies(t -> assertThat(t.getAttribute("data-table"))
                .isEqualTo("public.orders"));
        browser.screenshot("diagram");
    }

    @Test
    @Order(10)
    void showsTheOverviewRulesAndAuditPages() {
        browser.driver.get(url("/"));
        browser.await().until(d -> !d.findElements(By.cssSelector("#severity-cards .card")).isEmpty());
        assertThat(browser.driver.findElement(By.cssSelector("#severity-cards [data-severity='CRITICAL']")).getText())
                .isNotBlank();
        browser.screenshot("overview");

        browser.driver.get(url("/rules.html"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("rules-body")));
        browser.screenshot("rules");

        browser.driver.get(url("/audit.html"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("records")));
        browser.screenshot("audit");
        assertThat(browser.driver.findElement(By.id("error")).isDisplayed()).isFalse();
    }

    @Test
    @Order(11)
    void loggingOutEndsTheSession() {
        browser.driver.findElement(By.id("logout")).click();
        browser.await().until(ExpectedConditions.urlContains("/login.html"));

        browser.driver.get(url("/findings.html"));

        browser.await().until(ExpectedConditions.urlContains("/login.html"));
    }
}
