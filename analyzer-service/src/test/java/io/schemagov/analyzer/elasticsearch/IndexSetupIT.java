package io.schemagov.analyzer.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.schemagov.devstack.SharedStack;
import io.schemagov.model.ElasticsearchIndices;
import java.io.StringReader;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/** Start-up against the real Elasticsearch, over audit indices an older version made. */
class IndexSetupIT {

    private static final String OLD_INDEX = "schemagov-audit-upgrade_db-2026.01.01";

    @Test
    void anOlderAuditIndexGainsTheNewFieldsAndKeepsItsOwn() throws Exception {
        String url = SharedStack.elasticsearch().httpUrl();
        try (RestClient rest = RestClient.builder(HttpHost.create(url)).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            // As an older version left it: no template yet, "values" with doc values, no "actorKnown".
            if (client.indices().existsIndexTemplate(e -> e.name(ElasticsearchIndices.AUDIT_TEMPLATE)).value()) {
                client.indices().deleteIndexTemplate(d -> d.name(ElasticsearchIndices.AUDIT_TEMPLATE));
            }
            client.indices().create(c -> c.index(OLD_INDEX).withJson(new StringReader("""
                    {"mappings": {"dynamic": false, "properties": {
                      "database": {"type": "keyword"}, "values": {"type": "keyword", "ignore_above": 512},
                      "chain": {"properties": {"sequence": {"type": "long"}}}}}}""")));

            new IndexSetup(client, url).ensureIndices();

            Map<String, Property> fields = client.indices().getMapping(g -> g.index(OLD_INDEX)).result().get(OLD_INDEX)
                    .mappings().properties();
            assertThat(fields).containsKeys("actorKnown", "table", "eventTime");
            assertThat(fields.get("values").keyword().docValues()).as("an existing field keeps its doc values").isNotEqualTo(false);
            assertThat(fields.get("chain").object().properties()).containsKeys("sequence", "hash", "previousHash");
            assertThat(client.indices().existsIndexTemplate(e -> e.name(ElasticsearchIndices.AUDIT_TEMPLATE)).value()).isTrue();

            // A second start finds nothing to add and still starts.
            new IndexSetup(client, url).ensureIndices();
            client.indices().delete(d -> d.index(OLD_INDEX));
        }
    }
}
