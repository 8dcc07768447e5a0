package io.schemagov.dashboard.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;

/**
 * Runs one Elasticsearch call for the API: not reaching Elasticsearch, or Elasticsearch overloaded or failing,
 * becomes a 503 {@link ApiException}; other Elasticsearch errors pass through for the caller to judge.
 */
public final class SearchCalls {

    private SearchCalls() {
    }

    public static <T> T call(Search<T> search) {
        try {
            return search.run();
        } catch (IOException e) {
            // Connection refused, timeouts, or something that is not Elasticsearch answering.
            throw ApiException.searchUnavailable(e);
        } catch (ElasticsearchException e) {
            if (e.status() == 429 || e.status() >= 500) {
                throw ApiException.searchUnavailable(e);
            }
            throw e;
        }
    }

    /** One call to Elasticsearch. */
    @FunctionalInterface
    public interface Search<T> {
        T run() throws IOException;
    }
}
