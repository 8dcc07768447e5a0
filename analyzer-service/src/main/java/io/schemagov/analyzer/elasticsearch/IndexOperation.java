package io.schemagov.analyzer.elasticsearch;

import java.util.Map;

/** One write to Elasticsearch, with an id derived from the source position so that a replay overwrites, never duplicates. */
public sealed interface IndexOperation {

    String index();

    String id();

    /** Writes the whole document. */
    record Put(String index, String id, Map<String, Object> document) implements IndexOperation {
    }

    /**
     * Writes the whole document, already serialized as one JSON object (UTF-8), which goes into the bulk request as
     * it is: for the high-volume writes, whose serialization as maps costs more than writing their JSON directly.
     */
    record PutJson(String index, String id, byte[] json) implements IndexOperation {
    }

    /** Changes some fields of a document if it exists; nothing to do otherwise. */
    record Patch(String index, String id, Map<String, Object> fields) implements IndexOperation {
    }
}
