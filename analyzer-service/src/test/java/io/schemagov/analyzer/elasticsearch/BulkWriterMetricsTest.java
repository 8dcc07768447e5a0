package io.schemagov.analyzer.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.schemagov.analyzer.metrics.AnalyzerMetrics;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/** The bulk writer's meters when Elasticsearch does not answer: a port where nothing listens, no server needed. */
class BulkWriterMetricsTest {

    @Test
    void everyUnansweredBulkRequestIsTimedAsAFailureAndCounted() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RestClient rest = RestClient.builder(new HttpHost("localhost", closedPort)).build()) {
            BulkWriter writer = new BulkWriter(new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper())),
                    new AnalyzerMetrics(registry), 1);

            assertThatThrownBy(() -> writer.write(List.of(new IndexOperation.Put("any", "1", Map.of("a", 1))), false))
                    .isInstanceOf(ElasticsearchUnavailableException.class);
        }

        assertThat(registry.get(AnalyzerMetrics.BULK).tag("outcome", "failure").timer().count()).isEqualTo(5);
        assertThat(registry.find(AnalyzerMetrics.BULK).tag("outcome", "success").timer()).isNull();
        assertThat(registry.get(AnalyzerMetrics.BULK_FAILURES).tag("kind", "request").counter().count()).isEqualTo(5);
    }
}
