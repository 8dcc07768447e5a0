package io.schemagov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With nothing listening where Elasticsearch should be, the API answers 503 with a JSON error. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=dashboard", "schemagov.dashboard.users[0].name=" + TestUsers.VIEWER,
    "schemagov.dashboard.users[0].password=" + TestUsers.PASSWORD})
class ElasticsearchDownIT {

    private TestRestTemplate http;

    @Autowired
    void template(TestRestTemplate template) {
        http = template.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD);
    }

    @DynamicPropertySource
    static void unreachableElasticsearch(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + closedPort());
    }

    /** A port that was free a moment ago: connecting to it is refused at once. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/findings", "/api/findings?severity=HIGH", "/api/findings/f-01", "/api/databases",
        "/api/overview", "/api/tables?database=x", "/api/rules", "/api/audit/records?database=x"})
    void answers503WithAJsonErrorAndNoStackTrace(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getBody()).contains("\"error\":\"search_unavailable\"")
                .doesNotContain("Exception", "\tat ", "127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/findings?severity=SEVERE", "/api/findings?size=9999"})
    void stillValidatesParametersFirst(String path) {
        assertThat(http.getForEntity(path, String.class).getStatusCode().value()).isEqualTo(400);
    }
}
