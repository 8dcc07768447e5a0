package io.schemagov.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemagov.devstack.SharedStack;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.io.StringReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that run the whole dashboard against the dev stack's real
 * Elasticsearch; subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=dashboard",
    "schemagov.dashboard.users[0].name=" + TestUsers.VIEWER, "schemagov.dashboard.users[0].password=" + TestUsers.PASSWORD,
    "schemagov.dashboard.users[0].role=VIEWER",
    "schemagov.dashboard.users[1].name=" + TestUsers.ADMIN, "schemagov.dashboard.users[1].password=" + TestUsers.PASSWORD,
    "schemagov.dashboard.users[1].role=ADMIN"})
abstract class ElasticsearchBackedApi {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** Calls as the viewer (HTTP Basic), as tools do. */
    protected TestRestTemplate http;
    /** Calls as the admin. */
    protected TestRestTemplate admin;
    /** Calls without any login. */
    protected TestRestTemplate anonymous;

    @Autowired
    void templates(TestRestTemplate template) {
        anonymous = template;
        http = template.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD);
        admin = template.withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD);
    }

    @Autowired
    protected ElasticsearchClient elasticsearch;

    @DynamicPropertySource
    static void elasticsearchUri(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> SharedStack.elasticsearch().httpUrl());
    }

    /** Deletes the findings index if present, so each test class starts from a known state. */
    protected void deleteFindingsIndex() throws IOException {
        if (elasticsearch.indices().exists(e -> e.index(ElasticsearchIndices.FINDINGS)).value()) {
            elasticsearch.indices().delete(d -> d.index(ElasticsearchIndices.FINDINGS));
        }
    }

    /** Creates the findings index exactly as the analyzer does, from the shared definition. */
    protected void createFindingsIndex() throws IOException {
        elasticsearch.indices().create(c -> c
                .index(ElasticsearchIndices.FINDINGS)
                .withJson(new StringReader(ElasticsearchIndices.findingsDefinition())));
    }

    protected Response get(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        try {
            JsonNode body = response.getBody() == null ? null : JSON.readTree(response.getBody());
            return new Response(response.getStatusCode().value(), body, response);
        } catch (IOException e) {
            // Not JSON (the HTML page, say): keep the raw answer for the assertions.
            return new Response(response.getStatusCode().value(), null, response);
        }
    }

    /** An HTTP answer with its body parsed as JSON when it is JSON. */
    protected record Response(int status, JsonNode json, ResponseEntity<String> raw) {
    }
}
