package io.schemagov.model.audit;

import io.schemagov.model.DataActor;
import io.schemagov.model.DataChangeEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an audit record asserts about one row change: the content its hash covers. It can be read from the event
 * the ingest produces and from the document the analyzer indexes, so that a record is verified against what is
 * actually stored.
 *
 * @param table the qualified table, {@code schema.table}
 */
public record AuditFacts(String database, String table, String operation, String position, Long transactionId,
        Instant commitTime, Instant eventTime, Map<String, String> key, Map<String, String> before,
        Map<String, String> after, List<String> maskedColumns, Map<String, String> actor) {

    public static AuditFacts of(DataChangeEvent event) {
        return new AuditFacts(event.getSource().getDatabase(), event.getSchemaName() + "." + event.getTableName(),
                event.getOperation().name(), event.getSource().getPosition(), event.getSource().getTransactionId(),
                event.getSource().getCommitTime(), event.getEventTime(), event.getKey(), event.getBefore(),
                event.getAfter(), event.getMaskedColumns(), actor(event.getActor()));
    }

    /** The actor's fields as the audit document holds them (null values left out), or null when unknown. */
    public static Map<String, String> actor(DataActor actor) {
        if (actor == null) {
            return null;
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        putIfPresent(fields, "declared", actor.getDeclared());
        putIfPresent(fields, "role", actor.getRole());
        putIfPresent(fields, "application", actor.getApplication());
        putIfPresent(fields, "clientAddress", actor.getClientAddress());
        return fields;
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    /**
     * The facts of an indexed audit document (fields as the analyzer writes them).
     *
     * @throws IllegalArgumentException when a field has the wrong shape, which verification reports as a break
     */
    @SuppressWarnings("unchecked")
    public static AuditFacts of(Map<String, Object> document) {
        try {
            Object transaction = document.get("transactionId");
            return new AuditFacts((String) document.get("database"), (String) document.get("table"),
                    (String) document.get("operation"), (String) document.get("position"),
                    transaction == null ? null : ((Number) transaction).longValue(),
                    instant(document.get("commitTime")), instant(document.get("eventTime")),
                    (Map<String, String>) document.get("key"), (Map<String, String>) document.get("before"),
                    (Map<String, String>) document.get("after"), (List<String>) document.get("maskedColumns"),
                    (Map<String, String>) document.get("actor"));
        } catch (ClassCastException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("the stored record has a field of the wrong shape: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}
