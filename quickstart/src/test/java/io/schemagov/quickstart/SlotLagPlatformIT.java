package io.schemagov.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.SharedStack;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replication slot that stops advancing, end to end on real servers: the ingest's change streams stop while its
 * slot lag monitor keeps reading the real slot, WAL is written, and the lag over a small threshold becomes a
 * {@code replication-slot-lag} finding in Elasticsearch and an alert at a webhook; once the streams run again and the
 * slot catches up, the finding is resolved and the webhook gets the resolution.
 */
class SlotLagPlatformIT {

    private static final String DATABASE = "slot_lag_platform_it";
    private static final String SOURCE = "slot-lag-e2e";
    private static final String SLOT = "schemagov_slot_lag_e2e";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> webhook = new CopyOnWriteArrayList<>();
    private static PostgresServer postgres;
    private static HttpServer receiver;
    private static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        postgres = SharedStack.postgres();
        postgres.createDatabase(DATABASE);
        sql("CREATE TABLE IF NOT EXISTS public.orders (id bigint PRIMARY KEY, note text)",
            "CREATE TABLE IF NOT EXISTS public.ballast (id bigint, payload text)");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                webhook.add(JSON.readTree(body));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String a = "--schemagov.analyzer.alerts.";
        platform = Platform.start(new Platform.Settings(SharedStack.kafka().bootstrapServers(),
                        SharedStack.elasticsearch().httpUrl(), SOURCE, postgres.jdbcUrl(DATABASE), PostgresServer.USER,
                        PostgresServer.PASSWORD, List.of("public.orders"), List.of(),
                        Files.createTempDirectory("slot-lag-platform-it"), 0),
                List.of(a + "channels.hook.type=WEBHOOK",
                        a + "channels.hook.url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        a + "routes[0].databases=" + SOURCE, a + "routes[0].min-severity=HIGH", a + "routes[0].channels=hook"),
                List.of("--schemagov.ingest.slot-lag.interval=1s", "--schemagov.ingest.slot-lag.threshold=256KB"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        receiver.stop(0);
    }

    @Test
    void stalledSlotBecomesAFindingAndAnAlertAndResolvesOnceItCatchesUp() throws Exception {
        platform.streams(false);
        // About 6 MB of WAL that nobody confirms: over ten times the 256 kB threshold once all of it is written.
        sql("INSERT INTO public.ballast SELECT g, repeat('x', 200) FROM generate_series(1, 25000) g");
        String open = "database:\"" + SOURCE + "\" AND ruleId:replication-slot-lag AND status:open";
        // Each reading rewrites the finding with the latest lag: one finding, CRITICAL once the whole insert is counted.
        JsonNode finding = await(() -> search(open), hits -> hits.size() == 1
                && hits.get(0).path("_source").path("severity").asText().equals("CRITICAL"), "a CRITICAL open finding")
                .get(0).path("_source");
        assertThat(finding.path("object").asText()).isEqualTo(SLOT);
        assertThat(finding.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(finding.path("thresholdBytes").asLong()).isEqualTo(256 * 1024);
        assertThat(finding.path("lagBytes").asLong()).isGreaterThan(2_560 * 1024);
        assertThat(finding.path("message").asText()).contains("Replication slot " + SLOT + " of " + SOURCE + " holds back");
        assertThat(finding.path("remediation").asText()).contains("pg_drop_replication_slot");

        JsonNode alert = await(() -> messages("alert"), m -> !m.isEmpty(), "an alert at the webhook").get(0);
        assertThat(alert.path("database").asText()).isEqualTo(SOURCE);
        assertThat(alert.path("findings")).singleElement().satisfies(f -> {
            assertThat(f.path("ruleId").asText()).isEqualTo("replication-slot-lag");
            assertThat(f.path("severity").asText()).isIn("HIGH", "CRITICAL"); // a reading during the insert may come first
        });

        platform.streams(true);
        // A change the stream carries: once it is through, Debezium confirms the slot past the ballast.
        sql("INSERT INTO public.orders VALUES (1, 'after the stall') ON CONFLICT (id) DO UPDATE SET note = excluded.note");
        String resolved = "database:\"" + SOURCE + "\" AND ruleId:replication-slot-lag AND status:resolved";
        await(() -> search(resolved), hits -> hits.size() == 1, "the finding resolved");
        JsonNode resolution = await(() -> messages("resolution"), m -> !m.isEmpty(), "a resolution at the webhook").get(0);
        assertThat(resolution.path("findings").get(0).path("id").asText())
                .isEqualTo(alert.path("findings").get(0).path("id").asText());
        assertThat(search("database:\"" + SOURCE + "\" AND ruleId:replication-slot-lag")).hasSize(1);
        assertThat(messages("alert")).hasSize(1);
    }

    private static List<JsonNode> messages(String kind) {
        return webhook.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
    }

    private static <T> T await(Supplier<T> read, Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            value = read.get();
        }
        assertThat(done.test(value)).as("%s within 120 s: %s", what, value).isTrue();
        return value;
    }

    private static JsonNode search(String query) {
        try {
            String uri = SharedStack.elasticsearch().httpUrl() + "/schemagov-findings/_search?size=100&q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8);
            return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("hits").path("hits");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
