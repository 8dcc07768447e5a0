package io.schemagov.dashboard.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.dashboard.api.ApiException;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/alerts/deliveries}: the alert delivery log, newest first: which finding was alerted or resolved on
 * which channel, and what failed with the reason, so that an alert that could not be delivered is visible.
 */
@RestController
class DeliveriesController {

    private static final Set<String> STATUSES = Set.of("delivered", "failed");
    private static final int MAX_SIZE = 500;

    private final ElasticsearchClient client;

    DeliveriesController(ElasticsearchClient client) {
        this.client = client;
    }

    /** The recent deliveries, optionally of one status, channel or database. */
    @GetMapping("/api/alerts/deliveries")
    List<ObjectNode> deliveries(@RequestParam(required = false) String status,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String database,
            @RequestParam(defaultValue = "100") int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badParameter("status", "must be delivered or failed, got '" + status + "'");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badParameter("size", "must be between 1 and " + MAX_SIZE);
        }
        List<Query> filters = new ArrayList<>();
        term(filters, "status", status);
        term(filters, "channel", channel);
        term(filters, "database", database);
        try {
            return client.search(s -> s.index(ElasticsearchIndices.ALERT_DELIVERIES).ignoreUnavailable(true)
                    .allowNoIndices(true).size(size).query(q -> q.bool(b -> b.filter(filters)))
                    .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc).unmappedType(FieldType.Date))),
                    ObjectNode.class).hits().hits().stream().map(Hit::source).toList();
        } catch (IOException | ElasticsearchException e) {
            throw ApiException.searchUnavailable(e);
        }
    }

    private static void term(List<Query> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Query.of(q -> q.term(t -> t.field(field).value(value))));
        }
    }
}
