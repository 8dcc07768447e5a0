package io.schemagov.analyzer.elasticsearch;

/** Elasticsearch could not take writes for now; the batch must be retried later, not dead-lettered. */
public class ElasticsearchUnavailableException extends RuntimeException {

    public ElasticsearchUnavailableException(String message) {
        super(message);
    }

    public ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
