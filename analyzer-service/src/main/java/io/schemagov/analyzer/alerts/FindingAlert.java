package io.schemagov.analyzer.alerts;

import io.schemagov.rules.Severity;
import java.util.Map;

/** What an alert says about one finding, read from the finding's document as it was stored. */
record FindingAlert(String findingId, String ruleId, String ruleTitle, Severity severity, String status, String database,
                    String schema, String table, String statement, String message, String actorRole, String actorApplication,
                    Long tableRows, Long tableBytes, long transactionId, boolean baseline) {

    static FindingAlert of(String findingId, Map<String, Object> doc) {
        Map<?, ?> actor = doc.get("actor") instanceof Map<?, ?> a ? a : Map.of();
        return new FindingAlert(findingId, text(doc.get("ruleId")), text(doc.get("ruleTitle")),
                Severity.valueOf(text(doc.get("severity"))), text(doc.get("status")), text(doc.get("database")),
                text(doc.get("schema")), text(doc.get("table")), text(doc.get("statement")), text(doc.get("message")),
                text(actor.get("role")), text(actor.get("application")), number(doc.get("tableRows")),
                number(doc.get("tableBytes")), doc.get("transactionId") instanceof Number n ? n.longValue() : 0L,
                Boolean.TRUE.equals(doc.get("baseline")));
    }

    /** Baseline scans describe what was already there, and suppressed findings were accepted by a human: neither pages anyone. */
    boolean mayAlert() {
        return !baseline && !"suppressed".equals(status);
    }

    String qualifiedTable() {
        return schema == null ? String.valueOf(table) : schema + "." + table;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
