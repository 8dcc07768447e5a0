package io.schemagov.dashboard.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Exports the audit records of a period, for one table or every table of a database, in chain order and with
 * each table's chain verification attached, as JSON or CSV. Records are streamed page by page, so a large period
 * does not have to fit in memory.
 */
public final class AuditExport {

    /** The formats an export can take. */
    public enum Format { JSON, CSV }

    static final List<String> CSV_COLUMNS = List.of("database", "table", "sequence", "operation", "position",
            "transaction_id", "commit_time", "event_time", "key", "before", "after", "masked_columns", "hash",
            "previous_hash", "chain_status");
    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final AuditVerifier verifier;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public AuditExport(ElasticsearchClient client) {
        this.client = client;
        this.verifier = new AuditVerifier(client);
    }

    /**
     * Writes the export.
     *
     * @param table qualified {@code schema.table}, or null for every audited table of the database
     */
    public void write(String database, String table, Instant from, Instant to, Format format, OutputStream out)
            throws IOException {
        List<String> tables = table != null ? List.of(table) : tables(database, from, to);
        if (format == Format.JSON) {
            writeJson(database, tables, from, to, out);
        } else {
            writeCsv(database, tables, from, to, out);
        }
    }

    private void writeJson(String database, List<String> tables, Instant from, Instant to, OutputStream out)
            throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            generator.writeStartObject();
            generator.writeStringField("database", database);
            generator.writeStringField("from", from == null ? null : from.toString());
            generator.writeStringField("to", to == null ? null : to.toString());
            generator.writeStringField("exportedAt", Instant.now().toString());
            generator.writeArrayFieldStart("tables");
            for (String table : tables) {
                AuditVerificationReport verification = verifier.verify(database, table, from, to);
                generator.writeStartObject();
                generator.writeStringField("table", table);
                generator.writeFieldName("verification");
                json.writeValue(generator, verification);
                generator.writeArrayFieldStart("records");
                forEachRecord(database, table, from, to, record -> json.writeValue(generator, record));
                generator.writeEndArray();
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    @SuppressWarnings("unchecked")
    private void writeCsv(String database, List<String> tables, Instant from, Instant to, OutputStream out)
            throws IOException {
        Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        csv.write(String.join(",", CSV_COLUMNS) + "\r\n");
        for (String table : tables) {
            AuditVerificationReport verification = verifier.verify(database, table, from, to);
            forEachRecord(database, table, from, to, record -> {
                Map<String, Object> chain = (Map<String, Object>) record.getOrDefault("chain", Map.of());
                Number sequence = (Number) chain.get("sequence");
                List<Object> row = new ArrayList<>(List.of(value(record.get("database")), value(record.get("table")),
                        value(sequence), value(record.get("operation")), value(record.get("position")),
                        value(record.get("transactionId")), value(record.get("commitTime")),
                        value(record.get("eventTime")), jsonOf(record.get("key")), jsonOf(record.get("before")),
                        jsonOf(record.get("after")), jsonOf(record.get("maskedColumns")), value(chain.get("hash")),
                        value(chain.get("previousHash")), status(verification, sequence)));
                csv.write(String.join(",", row.stream().map(v -> quoted((String) v)).toList()) + "\r\n");
            });
        }
        csv.flush();
    }

    /** What the verification says about one record: checked and sound, the first break, or beyond it. */
    private static String status(AuditVerificationReport verification, Number sequence) {
        if (sequence == null) {
            return "not-chained";
        }
        if (verification.intact() || sequence.longValue() < verification.brokenSequence()) {
            return "verified";
        }
        return sequence.longValue() == verification.brokenSequence() ? "broken: " + verification.reason()
                : "after-break";
    }

    private String jsonOf(Object value) throws IOException {
        return value == null ? "" : json.writeValueAsString(value);
    }

    private static String value(Object value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never evaluates a value. */
    private static String quoted(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private interface RecordSink {
        void accept(Map<String, Object> record) throws IOException;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void forEachRecord(String database, String table, Instant from, Instant to, RecordSink sink)
            throws IOException {
        List<FieldValue> after = null;
        while (true) {
            SearchRequest.Builder request = new SearchRequest.Builder().index(ElasticsearchIndices.AUDIT_ALIAS)
                    .ignoreUnavailable(true).allowNoIndices(true).size(PAGE).query(query(database, table, from, to))
                    .sort(s -> s.field(f -> f.field("chain.sequence").order(SortOrder.Asc).missing(FieldValue.of("_first"))))
                    .sort(s -> s.field(f -> f.field("position").order(SortOrder.Asc)));
            if (after != null) {
                request.searchAfter(after);
            }
            List<Hit<Map>> hits = client.search(request.build(), Map.class).hits().hits();
            for (Hit<Map> hit : hits) {
                sink.accept((Map<String, Object>) hit.source());
            }
            if (hits.size() < PAGE) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private List<String> tables(String database, Instant from, Instant to) throws IOException {
        Aggregate tables = client.search(s -> s.index(ElasticsearchIndices.AUDIT_ALIAS).ignoreUnavailable(true)
                .allowNoIndices(true).size(0).query(query(database, null, from, to))
                .aggregations("tables", a -> a.terms(t -> t.field("table").size(10_000))), Void.class)
                .aggregations().get("tables");
        if (tables == null || !tables.isSterms()) {
            return List.of();
        }
        return new ArrayList<>(new TreeSet<>(tables.sterms().buckets().array().stream()
                .map(b -> b.key().stringValue()).toList()));
    }

    private static Query query(String database, String table, Instant from, Instant to) {
        List<Query> filters = AuditQueries.period(database, table, from, to);
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }
}
