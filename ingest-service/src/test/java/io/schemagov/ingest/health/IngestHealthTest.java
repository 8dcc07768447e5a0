package io.schemagov.ingest.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.ingest.IngestApplication;
import io.schemagov.ingest.config.IngestProperties;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The probes' health groups and the metrics endpoint as ingest.yml defines them, served by a
 * real web server with Kafka unreachable: the pod must stay alive but not ready. Only the
 * auto-configuration and the health indicator run, so no database or broker is needed.
 */
// Tests run without metrics export unless asked: this one checks the Prometheus endpoint.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = IngestHealthTest.ActuatorOnly.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + IngestApplication.CONFIG_NAME)
class IngestHealthTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableConfigurationProperties(IngestProperties.class)
    @Import(KafkaHealthConfiguration.class)
    static class ActuatorOnly {
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void unreachableKafka(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            int closedPort = socket.getLocalPort();
            registry.add("schemagov.ingest.kafka.bootstrap-servers", () -> "localhost:" + closedPort);
        }
    }

    @Test
    void livenessStaysUpWhileKafkaIsUnreachable() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void readinessIsDownWhileKafkaIsUnreachable() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
    }

    @Test
    void exposesPrometheusMetricsButNotTheEnvironment() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
