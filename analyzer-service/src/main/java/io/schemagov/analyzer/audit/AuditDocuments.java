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
        return batch(indexedAt).of(event);
    }

    /** The records of one batch, indexed at the same time; for one thread. */
    public Batch batch(Instant indexedAt) {
        return new Batch(indexedAt.toString());
    }

    /**
     * Writes the records of one batch. The rows of a transaction share their commit and event times, so each time's
     * text, and the index of the day, is kept while it repeats: formatting the instants cost as much as the rest of
     * a record.
     */
    public static final class Batch {
        private final String indexedAt;
        private final InstantText eventTimes = new InstantText();
        private final InstantText commitTimes = new InstantText();
        private String indexDatabase;
        private Instant indexTime;
        private String index;

        private Batch(String indexedAt) {
            this.indexedAt = indexedAt;
        }

        public IndexOperation of(DataChangeEvent event) {
            String table = event.getSchemaName() + "." + event.getTableName();
            String id = DocumentIds.ordered(event.getSource().getPosition(), event.getSource().getDatabase(), table);
            return new IndexOperation.PutJson(index(event.getSource().getDatabase(), event.getEventTime()), id,
                    json(event, table));
        }

        private String index(String database, Instant eventTime) {
            if (!eventTime.equals(indexTime) || !database.equals(indexDatabase)) {
                indexDatabase = database;
                indexTime = eventTime;
                index = ElasticsearchIndices.auditIndex(database, eventTime);
            }
            return index;
        }

        private byte[] json(DataChangeEvent event, String table) {
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
                json.writeStringField("eventTime", eventTimes.of(event.getEventTime()));
                Instant commit = event.getSource().getCommitTime();
                json.writeStringField("commitTime", commit == null ? null : commitTimes.of(commit));
                json.writeStringField("indexedAt", indexedAt);
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
    }

    /** The text of the last instant asked for, kept while the same instant comes again. */
    private static final class InstantText {
        private Instant last;
        private String text;

        String of(Instant instant) {
            if (!instant.equals(last)) {
                last = instant;
                text = instant.toString();
            }
            return text;
        }
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
