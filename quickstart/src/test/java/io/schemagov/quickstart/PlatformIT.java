package io.schemagov.quickstart;

import static io.schemagov.quickstart.IndexedHits.awaitHits;
import static io.schemagov.quickstart.IndexedHits.search;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemagov.dashboard.audit.AuditExport;
import io.schemagov.dashboard.audit.AuditVerificationReport;
import io.schemagov.dashboard.audit.AuditVerifier;
import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.SharedStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on real servers: a statement run in PostgreSQL becomes a finding in
 * Elasticsearch and in the dashboard's API, a row change an audit record, and stopping
 * either service loses and duplicates nothing.
 */
class PlatformIT {

    private static final String DATABASE = "platform_it";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Compliance settings for the analyzer, as system properties (Spring reads them): a change window that is never
     * now (only the day after tomorrow, UTC), and rules that the tests' own changes break.
     */
    private static final Map<String, String> COMPLIANCE = Map.of(
            "schemagov.analyzer.compliance.change-windows[0].days", LocalDate.now(ZoneOffset.UTC).plusDays(2).getDayOfWeek().name(),
            "schemagov.analyzer.compliance.change-windows[0].from", "00:00",
            "schemagov.analyzer.compliance.change-windows[0].to", "23:59",
            "schemagov.analyzer.compliance.sensitive-tables", "public.tickets",
            "schemagov.analyzer.compliance.actor-required-tables", "public.tickets",
            "schemagov.analyzer.compliance.ddl-roles", "migrator",
            "schemagov.analyzer.compliance.ddl-only-in-windows", "true");
    private static PostgresServer postgres;
    private static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        postgres = SharedStack.postgres();
        postgres.createDatabase(DATABASE);
        sql("CREATE TABLE IF NOT EXISTS public.payments (id bigint PRIMARY KEY, card_holder text, amount numeric(10,2))",
            "CREATE TABLE IF NOT EXISTS public.ledger (id bigint PRIMARY KEY, amount numeric(10,2))",
            "CREATE TABLE IF NOT EXISTS public.contacts (id bigint PRIMARY KEY, contact_email text, mobile_phone text, "
                + "date_of_birth date, visits int)",
            "CREATE TABLE IF NOT EXISTS public.events_history (id bigint PRIMARY KEY, note text)",
            "CREATE TABLE IF NOT EXISTS public.tickets (id bigint PRIMARY KEY, title text, deleted_at timestamptz)");
        COMPLIANCE.forEach(System::setProperty);
        platform = Platform.start(new Platform.Settings(SharedStack.kafka().bootstrapServers(), SharedStack.elasticsearch().httpUrl(),
                "e2e", postgres.jdbcUrl(DATABASE), PostgresServer.USER, "not-logged", List.of("public.payments", "public.ledger", "public.contacts", "public.events_history", "public.tickets"),
                List.of("public.payments.card_holder"), Files.createTempDirectory("platform-it"), 0));
    }

    @AfterAll
    static void stop() {
        platform.close();
        COMPLIANCE.keySet().forEach(System::clearProperty);
    }

    @Test
    void ddlBecomesAFindingInElasticsearchAndTheDashboardApi() throws Exception {
        sql("CREATE TABLE public.shipments (id bigint, sent_at timestamp)");
        JsonNode finding = awaitHits("schemagov-findings", "database:e2e AND table:shipments AND ruleId:primary-key-missing",
                hits -> hits.size() == 1).get(0).path("_source");
        assertThat(finding.path("statement").asText()).isEqualTo("CREATE TABLE public.shipments (id bigint, sent_at timestamp)");
        assertThat(finding.path("actor").path("role").asText()).isEqualTo("postgres");
        JsonNode api = dashboardGet("/api/findings?database=e2e&size=500");
        assertThat(api.path("items")).anySatisfy(item -> {
            assertThat(item.path("ruleId").asText()).isEqualTo("timestamp-without-time-zone");
            assertThat(item.path("object").asText()).isEqualTo("public.shipments");
        });
    }

    @Test
    void indexOnAFilledTableWithoutConcurrentlyIsFlaggedWithItsSize() throws Exception {
        sql("CREATE TABLE public.visits (id bigint PRIMARY KEY, page text)",
            "INSERT INTO public.visits SELECT g, 'p' || (g % 100) FROM generate_series(1, 20000) g",
            "CREATE INDEX visits_page_idx ON public.visits (page)");
        JsonNode finding = awaitHits("schemagov-findings", "database:e2e AND ruleId:index-without-concurrently AND table:visits",
                hits -> hits.size() == 1).get(0).path("_source");
        assertThat(finding.path("severity").asText()).isEqualTo("MEDIUM");
        assertThat(finding.path("message").asText()).contains("SHARE").contains("public.visits").contains("≈20k rows");
        assertThat(finding.path("tableRows").asLong()).isEqualTo(20000);
    }

    @Test
    void truncateOfAFilledTableBecomesAFindingWithTheRowsItRemoved() throws Exception {
        sql("CREATE TABLE public.imports (id bigint PRIMARY KEY, line text)",
            "INSERT INTO public.imports SELECT g, 'line ' || g FROM generate_series(1, 3000) g",
            "ANALYZE public.imports",
            "TRUNCATE public.imports");
        JsonNode finding = awaitHits("schemagov-findings", "database:e2e AND ruleId:table-truncated AND table:imports",
                hits -> hits.size() == 1).get(0).path("_source");
        assertThat(finding.path("severity").asText()).isEqualTo("HIGH");
        assertThat(finding.path("message").asText()).startsWith("TRUNCATE emptied public.imports (≈3k rows, ");
        assertThat(finding.path("statement").asText()).isEqualTo("TRUNCATE public.imports");
    }

    @Test
    void vacuumFullSeenWhileItRunsBecomesAFinding() throws Exception {
        sql("CREATE OR REPLACE FUNCTION platform_wait(k bigint, v bigint) RETURNS bigint LANGUAGE plpgsql IMMUTABLE "
                + "AS $$ BEGIN PERFORM pg_advisory_lock_shared(k); PERFORM pg_advisory_unlock_shared(k); RETURN v; END $$",
            "CREATE TABLE public.bloated (id bigint PRIMARY KEY, pad text)",
            "INSERT INTO public.bloated SELECT g, repeat('x', 100) FROM generate_series(1, 2000) g",
            "CREATE INDEX bloated_wait ON public.bloated ((platform_wait(4444, id)))");
        try (Connection holder = postgres.connect(DATABASE)) {
            // The index rebuild waits on this lock, so the VACUUM FULL runs until the finding is there.
            holder.createStatement().execute("SELECT pg_advisory_lock(4444)");
            java.util.concurrent.CompletableFuture<Void> vacuum = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    sql("VACUUM FULL public.bloated");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                JsonNode finding = awaitHits("schemagov-findings",
                        "database:e2e AND ruleId:vacuum-full-or-cluster AND table:bloated", hits -> hits.size() == 1)
                        .get(0).path("_source");
                assertThat(finding.path("message").asText())
                        .startsWith("VACUUM FULL is rewriting public.bloated under an ACCESS EXCLUSIVE lock");
                assertThat(finding.path("statement").asText()).isEqualTo("VACUUM FULL public.bloated");
                assertThat(vacuum).isNotDone();
            } finally {
                holder.createStatement().execute("SELECT pg_advisory_unlock(4444)");
            }
            vacuum.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void dataChangeBecomesAnAuditRecordWithTheSensitiveColumnMasked() throws Exception {
        sql("INSERT INTO public.payments VALUES (1, 'Jane Roe', 99.95)");
        JsonNode audit = awaitHits("schemagov-audit", "database:e2e AND table:\"public.payments\"", hits -> hits.size() == 1)
                .get(0).path("_source");
        assertThat(audit.path("operation").asText()).isEqualTo("INSERT");
        assertThat(audit.path("after").path("amount").asText()).isEqualTo("99.95");
        assertThat(audit.path("after").path("card_holder").asText()).isEqualTo("****");
        assertThat(search("schemagov-audit", "values:*Jane*")).isEmpty();
    }

    @Test
    void stoppingAndRestartingIngestAndAnalyzerLosesAndDuplicatesNothing() throws Exception {
        sql(tables("restart_a", 0, 5));
        platform.stopAnalyzer();
        sql(tables("restart_a", 5, 10));
        platform.stopIngest();
        sql(tables("restart_a", 10, 15));
        platform.startIngest();
        sql(tables("restart_a", 15, 20));
        platform.startAnalyzer();
        sql(tables("restart_a", 20, 25));
        JsonNode hits = awaitHits("schemagov-findings", "database:e2e AND ruleId:primary-key-missing AND table:restart_a*",
                h -> h.size() >= 25);
        assertThat(hits).hasSize(25);
        Thread.sleep(2000);
        assertThat(search("schemagov-findings", "database:e2e AND ruleId:primary-key-missing AND table:restart_a*")).hasSize(25);
        assertThat(search("schemagov-schema-history", "database:e2e AND table:restart_a* AND commandTag:\"CREATE TABLE\"")).hasSize(25);
    }

    @Test
    void plantedPersonalDataInColumnsNobodyMarkedIsNeverSearchable() throws Exception {
        sql("INSERT INTO public.contacts VALUES (1, 'planted.person@example.org', '+1-555-0142', '1971-07-13', 4)");
        JsonNode record = awaitHits("schemagov-audit", "database:e2e AND table:\"public.contacts\"", hits -> hits.size() == 1)
                .get(0).path("_source");
        assertThat(record.path("after").path("visits").asText()).isEqualTo("4");
        assertThat(record.path("maskedColumns")).hasSize(3);
        assertThat(record.toString()).doesNotContain("planted.person", "555-0142", "1971");
        for (String planted : List.of("*planted.person*", "*555-0142*", "*1971-07-13*")) {
            assertThat(search("schemagov-audit", "values:" + planted.replace("-", "\\-"))).as(planted).isEmpty();
            assertThat(search("schemagov-audit", planted.replace("-", "\\-"))).as(planted).isEmpty();
        }
    }

    @Test
    void complianceRulesJudgeRealDataChangesOncePerTransaction() throws Exception {
        sql("INSERT INTO public.events_history SELECT g, 'event ' || g FROM generate_series(1, 1200) g",
            "UPDATE public.events_history SET note = 'rewritten'",
            "DELETE FROM public.events_history WHERE id > 100",
            "INSERT INTO public.tickets VALUES (1, 'printer', NULL)", "DELETE FROM public.tickets WHERE id = 1",
            "CREATE TABLE public.compliance_probe (id bigint PRIMARY KEY)");

        JsonNode bulk = finding("bulk-update", "events_history");
        assertThat(bulk.path("message").asText()).startsWith("at least 1000 rows of public.events_history updated by transaction");
        assertThat(bulk.path("severity").asText()).isEqualTo("MEDIUM");
        assertThat(finding("bulk-delete", "events_history").path("message").asText())
                .startsWith("at least 1000 rows of public.events_history deleted");
        assertThat(finding("hard-delete-in-soft-delete-table", "tickets").path("severity").asText()).isEqualTo("LOW");
        // The insert and the delete of a ticket are two transactions: one finding each.
        assertThat(awaitHits("schemagov-findings", "database:e2e AND ruleId:sensitive-change-outside-window AND table:tickets",
                hits -> hits.size() == 2).get(0).path("_source").path("message").asText()).contains("outside the change windows");
        assertThat(awaitHits("schemagov-findings", "database:e2e AND ruleId:unattributed-change AND table:tickets",
                hits -> hits.size() == 2).get(0).path("_source").path("message").asText()).contains("no actor was recorded");
        awaitHits("schemagov-findings", "database:e2e AND ruleId:ddl-role-not-allowed AND object:\"public.compliance_probe\"",
                hits -> hits.size() == 1);
        awaitHits("schemagov-findings", "database:e2e AND ruleId:ddl-outside-window AND object:\"public.compliance_probe\"",
                hits -> hits.size() == 1);
        awaitHits("schemagov-audit", "database:e2e AND table:\"public.events_history\" AND operation:DELETE",
                hits -> hits.size() == 1000); // a page holds 1000: the delete's rows are indexed, its findings with them
        assertThat(search("schemagov-findings", "database:e2e AND ruleId:append-only-table-modified AND table:events_history"))
                .as("an update and a delete of a thousand rows each: two transactions, two findings").hasSize(2);
    }

    private static JsonNode finding(String ruleId, String table) throws Exception {
        return awaitHits("schemagov-findings", "database:e2e AND ruleId:" + ruleId + " AND table:" + table,
                hits -> hits.size() == 1).get(0).path("_source");
    }

    @Test
    void theAuditTrailOfATableVerifiesUntilARecordIsEditedInElasticsearch() throws Exception {
        sql("INSERT INTO public.ledger VALUES (1, 10.00)", "INSERT INTO public.ledger VALUES (2, 20.00)",
            "UPDATE public.ledger SET amount = 25.00 WHERE id = 2", "DELETE FROM public.ledger WHERE id = 1");
        JsonNode records = awaitHits("schemagov-audit", "database:e2e AND table:\"public.ledger\"", h -> h.size() == 4);
        String url = SharedStack.elasticsearch().httpUrl();
        try (RestClient rest = RestClient.builder(HttpHost.create(url)).build()) {
            AuditVerifier verifier = new AuditVerifier(new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper())));

            AuditVerificationReport untouched = verifier.verify("e2e", "public.ledger", null, null);
            assertThat(untouched).extracting(AuditVerificationReport::intact, AuditVerificationReport::checked,
                    AuditVerificationReport::firstSequence, AuditVerificationReport::lastSequence,
                    AuditVerificationReport::anchored).containsExactly(true, 4, 1L, 4L, true);

            AuditExport export = new AuditExport(new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper())));
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            export.write("e2e", "public.ledger", null, null, AuditExport.Format.JSON, json);
            JsonNode exported = JSON.readTree(json.toByteArray()).path("tables").get(0);
            assertThat(exported.path("verification").path("intact").asBoolean()).isTrue();
            assertThat(exported.path("records")).extracting(r -> r.path("operation").asText() + " "
                    + r.path("key").path("id").asText() + " " + (r.path("operation").asText().equals("DELETE")
                            ? r.path("before").path("amount").asText() : r.path("after").path("amount").asText()))
                    .containsExactly("INSERT 1 10.00", "INSERT 2 20.00", "UPDATE 2 25.00", "DELETE 1 10.00");
            assertThat(sqlValue("SELECT string_agg(id || '=' || amount, ',') FROM public.ledger")).isEqualTo("2=25.00");

            JsonNode update = null;
            for (JsonNode record : records) {
                if (record.path("_source").path("chain").path("sequence").asLong() == 3) {
                    update = record;
                }
            }
            assertThat(update).as("the UPDATE is the third link: %s", records).isNotNull();
            assertThat(update.path("_source").path("operation").asText()).isEqualTo("UPDATE");
            HttpResponse<String> edit = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/" + update.path("_index").asText()
                            + "/_update/" + URLEncoder.encode(update.path("_id").asText(), StandardCharsets.UTF_8) + "?refresh=true"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"doc\": {\"after\": {\"amount\": \"2500.00\"}}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);

            AuditVerificationReport edited = verifier.verify("e2e", "public.ledger", null, null);
            assertThat(edited.intact()).isFalse();
            assertThat(edited.brokenSequence()).isEqualTo(3L);
            assertThat(edited.checked()).isEqualTo(2);
            assertThat(edited.reason()).contains("altered");

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int status = VerifyAuditCommand.run(new String[] {"--elasticsearch=" + url, "--database=e2e",
                    "--table=public.ledger"}, new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(status).isEqualTo(1);
            assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("BROKEN: e2e public.ledger at sequence 3");

            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            export.write("e2e", null, null, null, AuditExport.Format.CSV, csv);
            List<String> ledgerRows = csv.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("\"e2e\",\"public.ledger\"")).toList();
            assertThat(ledgerRows).hasSize(4);
            assertThat(ledgerRows.get(1)).endsWith("\"verified\"");
            assertThat(ledgerRows.get(2)).contains("\"broken: its content does not match its hash");
            assertThat(ledgerRows.get(3)).endsWith("\"after-break\"");
        }
    }

    private static String[] tables(String prefix, int from, int to) {
        String[] statements = new String[to - from];
        for (int i = from; i < to; i++) {
            statements[i - from] = "CREATE TABLE public." + prefix + i + " (id bigint)";
        }
        return statements;
    }

    /** A dashboard API call as the platform's admin (HTTP Basic), as a tool would make it. */
    private static JsonNode dashboardGet(String path) throws Exception {
        String login = Base64.getEncoder().encodeToString((Platform.DASHBOARD_USER + ":" + platform.dashboardPassword())
                .getBytes(StandardCharsets.UTF_8));
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(platform.dashboardUrl() + path))
                .header("Authorization", "Basic " + login).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void theDashboardRefusesCallsWithoutLogin() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.dashboardUrl()
                + "/api/findings")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static JsonNode get(String uri) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String sqlValue(String query) throws Exception {
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void sql(String... statements) throws Exception {
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
