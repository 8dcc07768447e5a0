package io.schemagov.quickstart.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Asks Elasticsearch over plain HTTP what the analyzer has indexed: the benchmark looks from
 * outside, as the dashboard or an auditor would.
 */
final class ElasticsearchProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            // HTTP/1.1 avoids the h2c upgrade attempt the JDK client would add to every first request.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    ElasticsearchProbe(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** How many findings of {@code ruleId} exist for a table; findings are refreshed on write, so no refresh here. */
    long findings(String database, String table, String ruleId) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("size", 0).put("track_total_hits", true);
        body.set("query", termFilters(Map.of("database", database, "table", table, "ruleId", ruleId)));
        JsonNode response = post(ElasticsearchIndices.FINDINGS + "/_search?filter_path=hits.total", body);
        return response == null ? 0 : response.path("hits").path("total").path("value").asLong();
    }

    /** When the analyzer started the batch of each finding of {@code ruleId} on tables named {@code tablePrefix...}. */
    Map<String, Long> detectedAt(String database, String tablePrefix, String ruleId) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("size", 10_000);
        body.putArray("_source").add("table").add("detectedAt");
        ObjectNode query = termFilters(Map.of("database", database, "ruleId", ruleId));
        ((ArrayNode) query.path("bool").path("filter")).addObject().putObject("prefix").put("table", tablePrefix);
        body.set("query", query);
        JsonNode response = post(ElasticsearchIndices.FINDINGS + "/_search", body);
        Map<String, Long> detected = new HashMap<>();
        if (response != null) {
            for (JsonNode hit : response.path("hits").path("hits")) {
                JsonNode source = hit.path("_source");
                detected.put(source.path("table").asText(), Instant.parse(source.path("detectedAt").asText()).toEpochMilli());
            }
        }
        return detected;
    }

    /**
     * Counts a table's searchable audit records. No forced refresh: that would load Elasticsearch with work the
     * pipeline does not do; the index's own one-second refresh bounds the error on a run of a minute.
     */
    long auditRecords(String database, String table) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.set("query", termFilters(Map.of("database", database, "table", table)));
        JsonNode response = post(ElasticsearchIndices.AUDIT_ALIAS + "/_count", body);
        return response == null ? 0 : response.path("count").asLong();
    }

    private static ObjectNode termFilters(Map<String, String> terms) {
        ObjectNode query = JSON.createObjectNode();
        ArrayNode filters = query.putObject("bool").putArray("filter");
        terms.forEach((field, value) -> filters.addObject().putObject("term").put(field, value));
        return query;
    }

    /**
     * The response body, or null when the index does not exist yet or its shard is still starting (the analyzer
     * has just created today's audit index): both mean nothing is searchable there yet.
     */
    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/" + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404 || response.body().contains("no_shard_available_action_exception")) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IOException("Elasticsearch answered " + response.statusCode() + " to " + path + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
