package io.schemagov.analyzer.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.schemagov.analyzer.metrics.AnalyzerMetrics;
import io.schemagov.devstack.SharedStack;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/** A large batch split over concurrent bulk requests, against the real Elasticsearch. */
class BulkWriterIT {

    private static final String INDEX = "bulk-writer-it";

    @Test
    void aSplitBatchKeepsEachDocumentsOrderAndReportsRefusalsAtTheirPositions() throws Exception {
        try (RestClient rest = RestClient.builder(HttpHost.create(SharedStack.elasticsearch().httpUrl())).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            client.indices().create(c -> c.index(INDEX).withJson(new StringReader(
                    "{\"mappings\": {\"dynamic\": \"strict\", \"properties\": {\"n\": {\"type\": \"long\"}, \"state\": {\"type\": \"keyword\"}}}}")));
            List<IndexOperation> batch = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                batch.add(new IndexOperation.Put(INDEX, "doc-" + i, Map.of("n", i, "state", "open")));
                if (i % 10 == 0) {
                    batch.add(new IndexOperation.Patch(INDEX, "doc-" + i, Map.of("state", "resolved")));
                }
            }
            int refused = 1234;
            batch.add(refused, new IndexOperation.Put(INDEX, "doc-refused", Map.of("unknown", 1)));

            BulkWriter writer = new BulkWriter(client, new AnalyzerMetrics(new SimpleMeterRegistry()), 3);
            List<BulkWriter.Rejection> rejections = writer.write(batch, true);
            writer.close();

            assertThat(rejections).singleElement().satisfies(rejection -> {
                assertThat(rejection.position()).isEqualTo(refused);
                assertThat(rejection.reason()).contains("strict_dynamic_mapping_exception");
            });
            long resolved = client.count(c -> c.index(INDEX).query(q -> q.term(t -> t.field("state").value("resolved")))).count();
            assertThat(resolved).as("every patch after its put").isEqualTo(300);
            ObjectNode patched = client.get(g -> g.index(INDEX).id("doc-2990"), ObjectNode.class).source();
            assertThat(patched.path("state").asText()).isEqualTo("resolved");
            assertThat(client.count(c -> c.index(INDEX)).count()).isEqualTo(3000);
            client.indices().delete(d -> d.index(INDEX));
        }
    }

    @Test
    void documentsGivenAsJsonGoInAsTheyAreAndARefusedOneIsReportedAtItsPosition() throws Exception {
        String index = INDEX + "-json";
        try (RestClient rest = RestClient.builder(HttpHost.create(SharedStack.elasticsearch().httpUrl())).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            client.indices().create(c -> c.index(index).withJson(new StringReader(
                    "{\"mappings\": {\"dynamic\": \"strict\", \"properties\": {\"n\": {\"type\": \"long\"},"
                            + " \"note\": {\"type\": \"keyword\"}}}}")));
            List<IndexOperation> batch = List.of(
                    new IndexOperation.PutJson(index, "a", "{\"n\": 1, \"note\": \"caf\u00e9 \\\"quoted\\\"\"}".getBytes(StandardCharsets.UTF_8)),
                    new IndexOperation.PutJson(index, "b", "{\"unknown\": true}".getBytes(StandardCharsets.UTF_8)),
                    new IndexOperation.Put(index, "c", Map.of("n", 3)),
                    new IndexOperation.PutJson(index, "a", "{\"n\": 2, \"note\": \"again\"}".getBytes(StandardCharsets.UTF_8)));

            BulkWriter writer = new BulkWriter(client, new AnalyzerMetrics(new SimpleMeterRegistry()), 1);
            List<BulkWriter.Rejection> rejections = writer.write(batch, true);

            assertThat(rejections).singleElement().satisfies(rejection -> {
                assertThat(rejection.position()).isEqualTo(1);
                assertThat(rejection.reason()).contains("strict_dynamic_mapping_exception");
            });
            assertThat(client.count(c -> c.index(index)).count()).isEqualTo(2);
            ObjectNode rewritten = client.get(g -> g.index(index).id("a"), ObjectNode.class).source();
            assertThat(rewritten.path("n").asLong()).as("the later write of the same id wins").isEqualTo(2);
            writer.write(List.of(batch.get(0)), true);
            ObjectNode first = client.get(g -> g.index(index).id("a"), ObjectNode.class).source();
            assertThat(first.path("note").asText()).isEqualTo("caf\u00e9 \"quoted\"");
            client.indices().delete(d -> d.index(index));
        }
    }
}
