package io.schemagov.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/** Reads Elasticsearch over plain HTTP, for assertions. */
final class ElasticsearchProbe {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String url;

    ElasticsearchProbe(String url) {
        this.url = url;
    }

    JsonNode search(String index, String query) throws Exception {
        String uri = url + "/" + index + "/_search?size=1000&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = json.readTree(response.body());
        return body.path("hits").path("hits");
    }

    /** Polls until the search result satisfies {@code done}, for at most a minute. */
    JsonNode await(String index, String query, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode hits = search(index, query);
        while (!done.test(hits) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            hits = search(index, query);
        }
        if (!done.test(hits)) {
            throw new AssertionError("condition not met within 60 s for " + index + " q=" + query + ": " + hits);
        }
        return hits;
    }

    /** Changes some fields of a document, as the dashboard does when people triage a finding. */
    void update(String index, String id, String fieldsJson) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/" + index + "/_update/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?refresh=true"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"doc\":" + fieldsJson + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("update of " + id + " failed: " + response.statusCode() + " " + response.body());
        }
    }

    JsonNode get(String path) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    void delete(String index) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(url + "/" + index)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    void put(String index, String definition) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/" + index))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(definition)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("creating " + index + " failed: " + response.body());
        }
    }

    void refresh(String index) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(url + "/" + index + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
}
