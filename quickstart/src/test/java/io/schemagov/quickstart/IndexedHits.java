package io.schemagov.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemagov.devstack.SharedStack;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/** What the platform indexed in the shared stack's Elasticsearch, searched over plain HTTP for the end-to-end tests. */
final class IndexedHits {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private IndexedHits() {
    }

    /** Searches until the hits satisfy {@code done}, for at most 90 seconds, and fails with the last hits otherwise. */
    static JsonNode awaitHits(String index, String query, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode hits = search(index, query);
        while (!done.test(hits) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            hits = search(index, query);
        }
        assertThat(done.test(hits)).as("%s q=%s: %s", index, query, hits).isTrue();
        return hits;
    }

    /** The hits of a query-string search (up to 1,000), after a refresh so that every write so far counts. */
    static JsonNode search(String index, String query) throws Exception {
        String base = SharedStack.elasticsearch().httpUrl();
        HTTP.send(HttpRequest.newBuilder(URI.create(base + "/" + index + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/" + index + "/_search?size=1000&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("hits").path("hits");
    }
}
