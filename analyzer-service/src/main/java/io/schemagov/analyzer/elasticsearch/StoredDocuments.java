package io.schemagov.analyzer.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads some fields of documents by id, in one request, for writes that must not lose what others stored. */
@Component
public class StoredDocuments {

    private final ElasticsearchClient client;

    public StoredDocuments(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * The requested fields of those documents that exist, by id.
     *
     * @throws ElasticsearchUnavailableException when Elasticsearch cannot answer, so the batch is tried again later
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> fields(String index, Collection<String> ids, List<String> fields) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        MgetResponse<Map> response;
        try {
            response = client.mget(m -> m.index(index).ids(List.copyOf(ids)).sourceIncludes(fields), Map.class);
        } catch (IOException | ElasticsearchException e) {
            throw new ElasticsearchUnavailableException("cannot read " + index + ": " + e.getMessage(), e);
        }
        Map<String, Map<String, Object>> found = new HashMap<>();
        for (MultiGetResponseItem<Map> item : response.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                found.put(item.result().id(), item.result().source());
            } else if (item.isFailure() && !"index_not_found_exception".equals(item.failure().error().type())) {
                throw new ElasticsearchUnavailableException("cannot read " + index + "/" + item.failure().id() + ": "
                        + item.failure().error().reason());
            }
        }
        return found;
    }
}
