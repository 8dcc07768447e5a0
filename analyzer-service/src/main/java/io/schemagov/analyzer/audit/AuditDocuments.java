package io.schemagov.analyzer.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.schemagov.analyzer.elasticsearch.DocumentIds;
import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.audit.AuditFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Audit records of data changes, in one index per source database and day of the change (behind the
 * {@code schemagov-audit} alias), so that retention can drop whole days per database.
 *
 * <p>Each record is written straight to JSON with a streaming generator: audit records are the analyzer's
 * high-volume writes, and handing them to the Elasticsearch client as maps cost more CPU (a serializer looked up
 * for every value) than the rest of the data-change path of the analyzer together.
 */
public final class AuditDocuments {

    private static final JsonFactory JSON = new JsonFactory();

    public IndexOperation of(DataChangeEvent event, Instant indexedAt) {
        String table = event.getSchemaName() + "." + event.getTableName();
        String id = DocumentIds.ordered(event.getSource().getPosition(), event.getSource().getDatabase(), table);
        return new IndexOperation.PutJson(ElasticsearchIndices.auditIndex(event.getSource().getDatabase(), event.getEventTime()),
                id, json(event, table, indexedAt));
    }

    private static byte[] json(DataChangeEvent event, String table, Instant indexedAt) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(1024);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("database", event.getSource().getDatabase());
            json.writeStringField("sourceKind", event.getSource().getKind().name());
            json.writeStringField("schema", event.getSchemaName());
            json.writeStringField("table", table);
            json.writeStringField("operation", event.getOperation().name());
            writeRow(json, "key", event.getKey());
            writeRow(json, "before", event.getBefore());
            writeRow(json, "after", event.getAfter());
            writeStrings(json, "changedColumns", changedColumns(event.getBefore(), event.getAfter()));
            writeStrings(json, "values", searchableValues(event));
            writeStrings(json, "maskedColumns", event.getMaskedColumns());
            json.writeStringField("position", event.getSource().getPosition());
            writeNumber(json, "transactionId", event.getSource().getTransactionId());
            json.writeStringField("eventTime", event.getEventTime().toString());
            Instant commit = event.getSource().getCommitTime();
            json.writeStringField("commitTime", commit == null ? null : commit.toString());
            json.writeStringField("indexedAt", indexedAt.toString());
            // Said plainly: without attribution from the source, nobody can tell who made a data change.
            writeRow(json, "actor", AuditFacts.actor(event.getActor()));
            json.writeBooleanField("actorKnown", event.getActor() != null && event.getActor().getDeclared() != null);
            if (event.getChain() != null) {
                json.writeObjectFieldStart("chain");
                json.writeNumberField("sequence", event.getChain().getSequence());
                json.writeStringField("previousHash", event.getChain().getPreviousHash());
                json.writeStringField("hash", event.getChain().getHash());
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an audit record as JSON", e); // in memory: does not happen
        }
        return bytes.toByteArray();
    }

    /** A row's columns in their order, or null. */
    private static void writeRow(JsonGenerator json, String field, Map<String, String> row) throws IOException {
        json.writeFieldName(field);
        if (row == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        for (Map.Entry<String, String> column : row.entrySet()) {
            json.writeStringField(column.getKey(), column.getValue());
        }
        json.writeEndObject();
    }

    private static void writeStrings(JsonGenerator json, String field, Iterable<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void writeNumber(JsonGenerator json, String field, Long value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }

    private static Set<String> changedColumns(Map<String, String> before, Map<String, String> after) {
        if (before == null || after == null) {
            return before == null ? (after == null ? Set.of() : after.keySet()) : before.keySet();
        }
        Set<String> columns = new LinkedHashSet<>();
        for (Map.Entry<String, String> column : after.entrySet()) {
            if (!Objects.equals(before.get(column.getKey()), column.getValue())) {
                columns.add(column.getKey());
            }
        }
        return columns;
    }

    /** {@code column=value} terms, so an auditor can find every change that touched a value. */
    private static Set<String> searchableValues(DataChangeEvent event) {
        Set<String> values = new LinkedHashSet<>();
        for (Map<String, String> row : List.of(nullToEmpty(event.getBefore()), nullToEmpty(event.getAfter()))) {
            row.forEach((column, value) -> values.add(column + "=" + value));
        }
        return values;
    }

    private static Map<String, String> nullToEmpty(Map<String, String> row) {
        return row == null ? Map.of() : row;
    }
}
