package io.schemagov.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thirty findings across two databases and all severities, with deliberate ties in the sort
 * key (to prove paging returns each exactly once), ISO and epoch event times, and one statement
 * carrying a script tag.
 */
final class FindingFixtures {

    static final String SCRIPT_STATEMENT = "ALTER TABLE t ADD COLUMN c text DEFAULT '<script>alert(1)</script>'";
    static final String SCRIPT_FINDING = "f-07";
    static final String NEWEST_FINDING = "f-29";
    static final long BASE_TIME = Instant.parse("2025-03-01T10:00:00Z").toEpochMilli();

    private static final String[] SEVERITIES = {"INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"};
    private static final String[] RULES = {"drop-column", "add-not-null", "table-rewrite", "lock-heavy-index"};

    private FindingFixtures() {
    }

    /** One finding as the analyzer stores it, with the fields the tests select on kept as record components. */
    record Fixture(String id, String severity, String database, String status, Map<String, Object> document) {
    }

    static List<Fixture> all() {
        List<Fixture> fixtures = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fixtures.add(fixture(i));
        }
        return fixtures;
    }

    private static Fixture fixture(int i) {
        String id = String.format("f-%02d", i);
        String severity = SEVERITIES[i % SEVERITIES.length];
        String database = i % 2 == 0 ? "orders" : "billing";
        String status = i % 3 == 0 ? "resolved" : "open";
        long eventTime = BASE_TIME + i * 60_000L;
        String position = String.format("0/%08X", 4096 + i);
        String ruleId = RULES[i % RULES.length];
        String object = "public.table_" + i;
        if (i >= 10 && i <= 12) {
            // Same instant, no position: ties resolved by the later keys, with nulls in the cursor.
            eventTime = BASE_TIME + 10 * 60_000L;
            position = null;
        }
        if (i == 21) {
            // Identical sort key to f-20 except the internal tiebreaker: a duplicate-looking finding.
            eventTime = BASE_TIME + 20 * 60_000L;
            database = "orders";
            position = String.format("0/%08X", 4096 + 20);
            ruleId = RULES[20 % RULES.length];
            object = "public.table_20";
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ruleId", ruleId);
        doc.put("ruleTitle", "Rule " + ruleId);
        doc.put("severity", severity);
        doc.put("severityRank", i % SEVERITIES.length);
        doc.put("status", status);
        doc.put("scope", "change");
        doc.put("database", database);
        doc.put("sourceKind", "postgres");
        doc.put("schema", "public");
        doc.put("table", object.substring("public.".length()));
        doc.put("object", object);
        doc.put("message", "Finding number " + i + " on " + object);
        doc.put("remediation", "Do the change in small steps (" + i + ").");
        doc.put("statement", i == 7 ? SCRIPT_STATEMENT : "ALTER TABLE " + object + " DROP COLUMN c" + i);
        doc.put("commandTag", "ALTER TABLE");
        doc.put("actor", Map.of("role", i % 2 == 0 ? "app_orders" : "dba", "application", "psql",
                "clientAddress", "10.0.0." + i));
        if (position != null) {
            doc.put("position", position);
        }
        doc.put("transactionId", 1000L + i);
        // The analyzer may write either form; both must sort the same.
        doc.put("eventTime", i % 7 == 3 ? Instant.ofEpochMilli(eventTime).toString() : eventTime);
        doc.put("detectedAt", eventTime + 1500);
        doc.put("baseline", false);
        doc.put("tableRows", 100L * i);
        doc.put("tableBytes", 8192L * i);
        return new Fixture(id, severity, database, status, doc);
    }

    /** The event time of a finding as the API returns it, in either stored form. */
    static long eventTimeMillis(JsonNode item) {
        JsonNode time = item.get("eventTime");
        return time.isNumber() ? time.asLong() : Instant.parse(time.asText()).toEpochMilli();
    }
}
