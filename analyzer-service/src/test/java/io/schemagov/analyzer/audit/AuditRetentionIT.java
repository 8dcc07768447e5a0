package io.schemagov.analyzer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.schemagov.analyzer.config.AuditRetentionProperties;
import io.schemagov.analyzer.config.AuditRetentionProperties.Rule;
import io.schemagov.devstack.SharedStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/** Retention against the real Elasticsearch: exactly the expired daily indices of matching databases go. */
class AuditRetentionIT {

    @Test
    void dropsWholeIndicesOlderThanTheirRuleAndKeepsTheRest() throws Exception {
        try (RestClient rest = RestClient.builder(HttpHost.create(SharedStack.elasticsearch().httpUrl())).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            List<String> indices = List.of("schemagov-audit-ret_shop-2026.01.09", "schemagov-audit-ret_shop-2026.01.10",
                    "schemagov-audit-ret_shop-2026.01.11", "schemagov-audit-ret_billing-2025.01.01",
                    "schemagov-audit-ret_hr-2026.01.01");
            for (String index : indices) {
                client.indices().create(c -> c.index(index));
            }
            AuditRetentionProperties properties = new AuditRetentionProperties(List.of(
                    new Rule("schemagov-audit-ret_shop-*", 30), new Rule("schemagov-audit-ret_hr-*", 3650)),
                    Duration.ofHours(1));
            Clock february = Clock.fixed(Instant.parse("2026-02-10T12:00:00Z"), ZoneOffset.UTC);

            List<String> dropped = new AuditRetention(client, properties, february).run();

            assertThat(dropped).containsExactlyInAnyOrder("schemagov-audit-ret_shop-2026.01.09",
                    "schemagov-audit-ret_shop-2026.01.10");
            assertThat(client.indices().exists(e -> e.index("schemagov-audit-ret_shop-2026.01.11")).value()).isTrue();
            assertThat(client.indices().exists(e -> e.index("schemagov-audit-ret_billing-2025.01.01")).value()).isTrue();
            assertThat(client.indices().exists(e -> e.index("schemagov-audit-ret_hr-2026.01.01")).value()).isTrue();
            assertThat(client.indices().exists(e -> e.index("schemagov-audit-ret_shop-2026.01.10")).value()).isFalse();
        }
    }
}
