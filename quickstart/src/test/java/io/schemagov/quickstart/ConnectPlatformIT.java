package io.schemagov.quickstart;

import static io.schemagov.quickstart.IndexedHits.awaitHits;
import static io.schemagov.quickstart.IndexedHits.search;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import io.schemagov.analyzer.AnalyzerApplication;
import io.schemagov.dashboard.audit.AuditVerificationReport;
import io.schemagov.dashboard.audit.AuditVerifier;
import io.schemagov.devstack.ConnectWorker;
import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.SharedStack;
import io.schemagov.ingest.connect.EmitConnectCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Kafka Connect mode end to end: Debezium on a real Connect worker with our transform instead of the ingest
 * service, and the analyzer unchanged; a statement in PostgreSQL becomes a finding in Elasticsearch, row changes a
 * masked audit trail whose chain verifies.
 */
class ConnectPlatformIT {

    private static final String DATABASE = "connect_platform_it";
    private static final String SOURCE = "e2e-connect";
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static PostgresServer postgres;
    private static ConnectWorker worker;
    private static ConfigurableApplicationContext analyzer;

    @BeforeAll
    static void start() throws Exception {
        postgres = SharedStack.postgres();
        postgres.createDatabase(DATABASE);
        sql("CREATE TABLE IF NOT EXISTS public.payments (id bigint PRIMARY KEY, card_holder text, amount numeric(10,2))");
        Path directory = Files.createTempDirectory("connect-platform-it");
        String kafka = SharedStack.kafka().bootstrapServers();
        EmitConnectCommand.run(new String[] {EmitConnectCommand.NAME,
                "--schemagov.ingest.sources[0].name=" + SOURCE,
                "--schemagov.ingest.sources[0].url=" + postgres.jdbcUrl(DATABASE),
                "--schemagov.ingest.sources[0].username=" + PostgresServer.USER,
                "--schemagov.ingest.sources[0].audited-tables[0]=public.payments",
                "--schemagov.ingest.masking.sensitive-columns[0]=public.payments.card_holder",
                "--schemagov.ingest.connect.output-directory=" + directory,
                "--schemagov.ingest.connect.secrets-file=" + directory.resolve("secrets.properties"),
                "--schemagov.ingest.connect.worker-state-directory=" + directory.resolve("worker")});
        Files.writeString(directory.resolve("secrets.properties"), SOURCE + ".password=" + PostgresServer.PASSWORD + "\n");
        sql(Files.readString(directory.resolve(SOURCE + ".capture.sql")));
        SharedStack.kafka().createTopics(Set.of("schemagov.schema-changes", "schemagov.data-changes", "schemagov.dlt"), 3);
        analyzer = AnalyzerApplication.application().run("--server.port=0",
                "--spring.elasticsearch.uris=" + SharedStack.elasticsearch().httpUrl(),
                "--schemagov.analyzer.kafka.bootstrap-servers=" + kafka);
        worker = ConnectWorker.start(kafka, directory.resolve("connect.offsets"));
        worker.submit(Files.readString(directory.resolve(SOURCE + ".connector.json")));
        worker.awaitRunning("schemagov-" + SOURCE, STARTUP);
        postgres.awaitReplicationSlot(DATABASE, "schemagov_e2e_connect", STARTUP);
        sql(Files.readString(directory.resolve(SOURCE + ".baseline.sql")));
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (analyzer != null) {
            analyzer.close();
        }
    }

    @Test
    void ddlThroughConnectBecomesAFinding() throws Exception {
        sql("CREATE TABLE public.parcels (id bigint, sent_at timestamp)");
        JsonNode finding = awaitHits("schemagov-findings", "database:\"" + SOURCE + "\" AND table:parcels AND ruleId:primary-key-missing",
                hits -> hits.size() == 1).get(0).path("_source");
        assertThat(finding.path("statement").asText()).isEqualTo("CREATE TABLE public.parcels (id bigint, sent_at timestamp)");
    }

    @Test
    void rowChangesThroughConnectBecomeAMaskedAuditTrailThatVerifies() throws Exception {
        sql("INSERT INTO public.payments VALUES (1, 'Jane Roe', 99.95)", "UPDATE public.payments SET amount = 10 WHERE id = 1");
        JsonNode records = awaitHits("schemagov-audit", "database:\"" + SOURCE + "\" AND table:\"public.payments\"",
                hits -> hits.size() == 2);
        assertThat(records).allSatisfy(record -> assertThat(record.path("_source").path("after").path("card_holder").asText())
                .isEqualTo("****"));
        assertThat(search("schemagov-audit", "database:\"" + SOURCE + "\" AND values:*Jane*")).isEmpty();
        try (RestClient rest = RestClient.builder(HttpHost.create(SharedStack.elasticsearch().httpUrl())).build()) {
            AuditVerificationReport report = new AuditVerifier(new ElasticsearchClient(new RestClientTransport(rest,
                    new JacksonJsonpMapper()))).verify(SOURCE, "public.payments", null, null);
            assertThat(report).extracting(AuditVerificationReport::intact, AuditVerificationReport::checked,
                    AuditVerificationReport::firstSequence, AuditVerificationReport::lastSequence).containsExactly(true, 2, 1L, 2L);
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
