package io.schemagov.dashboard.rules;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.dashboard.api.SearchCalls;
import io.schemagov.model.ElasticsearchIndices;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/rules}: the rule catalogue as the analyzer runs it (published by the analyzer at start-up, so
 * disabled rules, severity overrides and thresholds are the ones in force), the rules file's suppressions, and the
 * findings suppressed one by one (from the dashboard or a statement's comment) with who, why and until when.
 */
@RestController
class RulesController {

    static final int MAX_RULES = 1000;
    static final int MAX_SUPPRESSED_FINDINGS = 200;

    private final ElasticsearchClient client;

    RulesController(ElasticsearchClient client) {
        this.client = client;
    }

    record RulesInForce(List<ObjectNode> rules, List<ObjectNode> suppressions, List<ObjectNode> suppressedFindings) {
    }

    @GetMapping("/api/rules")
    RulesInForce rules() {
        List<ObjectNode> all = SearchCalls.call(() -> client.search(s -> s.index(ElasticsearchIndices.RULES)
                .ignoreUnavailable(true).allowNoIndices(true).size(MAX_RULES), ObjectNode.class))
                .hits().hits().stream().map(Hit::source).toList();
        List<ObjectNode> rules = all.stream().filter(d -> "rule".equals(d.path("kind").asText()))
                .sorted(Comparator.comparing((ObjectNode d) -> d.path("family").asText())
                        .thenComparing(d -> d.path("ruleId").asText()))
                .toList();
        List<ObjectNode> suppressions = all.stream().filter(d -> "suppression".equals(d.path("kind").asText()))
                .sorted(Comparator.comparing(d -> d.path("details").path("order").asInt())).toList();
        List<ObjectNode> suppressed = SearchCalls.call(() -> client.search(s -> s.index(ElasticsearchIndices.FINDINGS)
                .ignoreUnavailable(true).allowNoIndices(true).size(MAX_SUPPRESSED_FINDINGS)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("status").value("suppressed")))))
                .source(src -> src.filter(f -> f.includes("ruleId", "database", "object", "suppression", "eventTime")))
                .sort(o -> o.field(f -> f.field("suppression.at").order(SortOrder.Desc).unmappedType(FieldType.Date))),
                ObjectNode.class)).hits().hits().stream().map(h -> h.source().put("id", h.id())).toList();
        return new RulesInForce(rules, suppressions, suppressed);
    }
}
