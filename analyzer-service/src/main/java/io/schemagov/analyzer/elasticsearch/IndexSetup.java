package io.schemagov.analyzer.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.indices.GetMappingResponse;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
                updateAuditIndices();
                createIfMissing(ElasticsearchIndices.FINDINGS, ElasticsearchIndices.findingsDefinition());
                createIfMissing(ElasticsearchIndices.SCHEMA_HISTORY, ElasticsearchIndices.schemaHistoryDefinition());
                createIfMissing(ElasticsearchIndices.ALERT_DELIVERIES, ElasticsearchIndices.alertDeliveriesDefinition());
                createIfMissing(ElasticsearchIndices.RULES, ElasticsearchIndices.rulesDefinition());
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

    /**
     * Creates the index, or brings an existing one's mapping up to date: fields this version added become
     * searchable (a mapping only grows; a changed field type is refused by Elasticsearch and stops start-up).
     */
    private void createIfMissing(String index, String definition) throws IOException {
        if (client.indices().exists(e -> e.index(index)).value()) {
            updateMapping(index, definition);
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

    /**
     * Daily audit indices made by an older version get the template's newer fields too; the fields they have keep
     * their parameters (an older index keeps, say, doc values the template no longer asks for).
     */
    private void updateAuditIndices() throws IOException {
        JsonNode wanted = JSON.readTree(ElasticsearchIndices.auditTemplate()).path("template").path("mappings");
        GetMappingResponse existing = client.indices().getMapping(g -> g.index(ElasticsearchIndices.AUDIT_INDEX_PREFIX + "*")
                .ignoreUnavailable(true).allowNoIndices(true));
        for (Map.Entry<String, IndexMappingRecord> index : existing.result().entrySet()) {
            Set<String> fields = new HashSet<>();
            collectFields(index.getValue().mappings().properties(), "", fields);
            Optional<ObjectNode> growth = MappingGrowth.missing(wanted, fields);
            if (growth.isPresent()) {
                client.indices().putMapping(p -> p.index(index.getKey()).withJson(new StringReader(growth.get().toString())));
                log.info("audit index {} gained the fields {}", index.getKey(), growth.get().path("properties").toString());
            }
        }
    }

    private static void collectFields(Map<String, Property> properties, String prefix, Set<String> into) {
        for (Map.Entry<String, Property> property : properties.entrySet()) {
            String path = prefix + property.getKey();
            into.add(path);
            if (property.getValue().isObject()) {
                collectFields(property.getValue().object().properties(), path + ".", into);
            } else if (property.getValue().isNested()) {
                collectFields(property.getValue().nested().properties(), path + ".", into);
            }
        }
    }

    private void updateMapping(String index, String definition) throws IOException {
        String mappings = JSON.readTree(definition).path("mappings").toString();
        client.indices().putMapping(p -> p.index(index).withJson(new StringReader(mappings)));
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
