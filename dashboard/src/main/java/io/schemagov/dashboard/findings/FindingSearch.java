package io.schemagov.dashboard.findings;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.dashboard.api.SearchCalls;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Reads findings from Elasticsearch; every failure to reach it becomes a 503 {@link ApiException}. */
@Service
class FindingSearch {

    private final ElasticsearchClient client;

    FindingSearch(ElasticsearchClient client) {
        this.client = client;
    }

    FindingPage page(FindingQuery query) {
        SearchResponse<ObjectNode> response = SearchCalls.call(() -> client.search(FindingRequests.page(query), ObjectNode.class));
        List<Hit<ObjectNode>> hits = response.hits().hits();
        boolean more = hits.size() > query.size();
        List<Hit<ObjectNode>> shown = more ? hits.subList(0, query.size()) : hits;
        String next = more ? FindingCursor.fromSortValues(query.sort(), shown.get(shown.size() - 1).sort()).encode()
                : null;
        var total = response.hits().total();
        return new FindingPage(shown.stream().map(h -> withId(h.id(), h.source())).toList(), next,
                total == null ? shown.size() : total.value(),
                total == null || total.relation() == TotalHitsRelation.Eq);
    }

    Optional<ObjectNode> byId(String id) {
        GetResponse<ObjectNode> response;
        try {
            response = SearchCalls.call(() -> client.get(FindingRequests.byId(id), ObjectNode.class));
        } catch (ElasticsearchException e) {
            // Before the analyzer writes its first finding there is no index: nothing can be found.
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return response.found() ? Optional.of(withId(response.id(), response.source())) : Optional.empty();
    }

    List<String> databases() {
        SearchResponse<Void> response = SearchCalls.call(() -> client.search(FindingRequests.databases(), Void.class));
        // With no index there are no shards, and Elasticsearch then omits the aggregation.
        Aggregate aggregate = response.aggregations().get(FindingRequests.DATABASES_AGGREGATION);
        if (aggregate == null || !aggregate.isSterms()) {
            return List.of();
        }
        return aggregate.sterms().buckets().array().stream().map(b -> b.key().stringValue()).toList();
    }

    /**
     * Hands every finding matching the filter, in the given order, to the sink, page by page, up to {@code max};
     * returns whether more matched than that.
     */
    boolean forEach(FindingFilter filter, FindingSort sort, int max, Consumer<ObjectNode> sink) {
        FindingCursor after = null;
        int seen = 0;
        while (true) {
            int size = Math.min(FindingQueryParser.MAX_SIZE, max - seen);
            FindingPage page = page(new FindingQuery(filter, sort, Math.max(size, 1), after));
            if (size <= 0) {
                return !page.items().isEmpty();
            }
            page.items().forEach(sink);
            seen += page.items().size();
            if (page.next() == null) {
                return false;
            }
            after = FindingCursor.decode(page.next());
        }
    }

    /** The document as stored, with the Elasticsearch id first under {@code id}. */
    static ObjectNode withId(String id, ObjectNode source) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("id", id);
        if (source != null) {
            source.remove("id");
            item.setAll(source);
        }
        return item;
    }
}
