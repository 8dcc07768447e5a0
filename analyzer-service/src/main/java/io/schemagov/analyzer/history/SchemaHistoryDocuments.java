package io.schemagov.analyzer.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemagov.analyzer.elasticsearch.ChangeFields;
import io.schemagov.analyzer.elasticsearch.DocumentIds;
import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.model.DroppedObject;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema history: one document per table snapshot after each change (and one per
 * dropped table), so that a table's structure can be shown at any point in time.
 */
public final class SchemaHistoryDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    public List<IndexOperation> of(SchemaChangeEvent event) {
        List<IndexOperation> operations = new ArrayList<>();
        for (TableSnapshot table : event.getTables()) {
            Map<String, Object> doc = common(event, table.getSchemaName(), table.getTableName(), "snapshot");
            doc.put("estimatedRows", table.getEstimatedRows());
            doc.put("totalBytes", table.getTotalBytes());
            doc.put("snapshot", asMap(table));
            operations.add(put(event, table.getSchemaName() + "." + table.getTableName(), doc));
        }
        for (DroppedObject dropped : event.getDroppedObjects()) {
            if (dropped.getOriginal() && dropped.getObjectType().endsWith("table")) {
                operations.add(put(event, dropped.getObjectIdentity(),
                        common(event, dropped.getSchemaName(), dropped.getObjectName(), "dropped")));
            }
        }
        return operations;
    }

    private static IndexOperation put(SchemaChangeEvent event, String table, Map<String, Object> doc) {
        return new IndexOperation.Put(ElasticsearchIndices.SCHEMA_HISTORY,
                DocumentIds.of(event.getSource().getDatabase(), event.getSource().getPosition(), table), doc);
    }

    private static Map<String, Object> common(SchemaChangeEvent event, String schema, String table, String kind) {
        Map<String, Object> doc = new LinkedHashMap<>();
        ChangeFields.put(doc, event);
        doc.put("schema", schema);
        doc.put("table", table);
        doc.put("kind", kind);
        return doc;
    }

    /** Avro renders a record as JSON; that JSON is the snapshot as stored. */
    private static Map<String, Object> asMap(TableSnapshot table) {
        try {
            return JSON.readValue(table.toString(), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the snapshot of " + table.getTableName(), e);
        }
    }
}
