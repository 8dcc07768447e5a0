package io.schemagov.analyzer.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.schemagov.analyzer.config.RulesInForce;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.rules.RuleEngine;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Publishes the rules in force to Elasticsearch once the analyzer has started, and removes suppressions that the
 * rules file no longer has. A failure is logged and leaves the analysis running: the rules page is then stale, never
 * the findings.
 */
@Component
class RuleCataloguePublisher implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RuleCataloguePublisher.class);
    private static final int MAX_DOCUMENTS = 10_000;

    private final ElasticsearchClient client;
    private final RulesInForce rules;
    private final RuleEngine engine;

    RuleCataloguePublisher(ElasticsearchClient client, RulesInForce rules, RuleEngine engine) {
        this.client = client;
        this.rules = rules;
        this.engine = engine;
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, Map<String, Object>> docs = RuleCatalogue.documents(rules, engine, Instant.now());
        try {
            BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
            docs.forEach((id, doc) -> bulk.operations(op -> op.index(i -> i.index(ElasticsearchIndices.RULES).id(id)
                    .document(doc))));
            for (Hit<Void> stale : client.search(s -> s.index(ElasticsearchIndices.RULES).size(MAX_DOCUMENTS)
                    .source(src -> src.fetch(false)), Void.class).hits().hits()) {
                if (!docs.containsKey(stale.id())) {
                    bulk.operations(op -> op.delete(d -> d.index(ElasticsearchIndices.RULES).id(stale.id())));
                }
            }
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                log.warn("publishing the rules in force to {} partly failed; the dashboard's rules page may be stale",
                        ElasticsearchIndices.RULES);
            } else {
                log.info("published {} rules and suppressions to {}", docs.size(), ElasticsearchIndices.RULES);
            }
        } catch (IOException | ElasticsearchException e) {
            log.warn("could not publish the rules in force to {}: {}", ElasticsearchIndices.RULES, e.toString());
        }
    }
}
