package io.schemagov.analyzer.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the indices and the audit index template the analyzer writes to, unless they
 * exist. Waits a minute for Elasticsearch to answer, then stops start-up naming the setting.
 */
@Component
public class IndexSetup {

    private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ElasticsearchClient client;
    private final String uris;

    public IndexSetup(ElasticsearchClient client, @Value("${spring.elasticsearch.uris}") String uris) {
        this.client = client;
        this.uris = uris;
    }

    public void ensureIndices() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                client.indices().putIndexTemplate(t -> t.name(ElasticsearchIndices.AUDIT_TEMPLATE)
                        .withJson(new StringReader(ElasticsearchIndices.auditTemplate())));
                createIfMissing(ElasticsearchIndices.FINDINGS, ElasticsearchIndices.findingsDefinition());
                createIfMissing(ElasticsearchIndices.SCHEMA_HISTORY, ElasticsearchIndices.schemaHistoryDefinition());
                createIfMissing(ElasticsearchIndices.ALERT_DELIVERIES, ElasticsearchIndices.alertDeliveriesDefinition());
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Elasticsearch at " + uris + " (spring.elasticsearch.uris) did not answer within "
                            + WAIT.toSeconds() + " s: " + e.getMessage(), e);
                }
                log.info("waiting for Elasticsearch at {}: {}", uris, e.getMessage());
                pause();
            }
        }
    }

    private void createIfMissing(String index, String definition) throws IOException {
        if (client.indices().exists(e -> e.index(index)).value()) {
            return;
        }
        try {
            client.indices().create(c -> c.index(index).withJson(new StringReader(definition)));
            log.info("created index {}", index);
        } catch (ElasticsearchException e) {
            // Another analyzer instance created it first.
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
        }
    }
}
