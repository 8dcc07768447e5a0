package io.schemagov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole dashboard with Elasticsearch unreachable: the liveness probe stays up (a restart
 * would not help), the readiness probe is down, and only health and metrics are exposed.
 */
// Tests run without metrics export unless asked: this one checks the Prometheus endpoint.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = DashboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + DashboardApplication.CONFIG_NAME,
            "schemagov.dashboard.users[0].name=" + TestUsers.VIEWER, "schemagov.dashboard.users[0].password=" + TestUsers.PASSWORD})
class DashboardHealthTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void unreachableElasticsearch(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            int closedPort = socket.getLocalPort();
            registry.add("spring.elasticsearch.uris", () -> "http://localhost:" + closedPort);
        }
    }

    @Test
    void livenessStaysUpWhileElasticsearchIsUnreachable() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void readinessIsDownWhileElasticsearchIsUnreachable() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
    }

    @Test
    void exposesPrometheusMetricsButNotTheEnvironment() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(get("/actuator/env").statusCode()).as("without login: to the login page").isEqualTo(302);
        assertThat(getLoggedIn("/actuator/env").statusCode()).as("with login: not exposed").isEqualTo(404);
    }

    private HttpResponse<String> getLoggedIn(String path) throws IOException, InterruptedException {
        String login = java.util.Base64.getEncoder().encodeToString((TestUsers.VIEWER + ":" + TestUsers.PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + login).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
