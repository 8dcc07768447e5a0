package io.schemagov.analyzer.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Generic JSON: every field of every finding, for receivers that process alerts themselves. */
final class WebhookPayload implements Payload {

    @Override
    public Map<String, Object> render(AlertMessage message, Links links) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alertId", message.id());
        body.put("kind", message.kind().name().toLowerCase(Locale.ROOT));
        body.put("database", message.database());
        body.put("heldBack", message.heldBack());
        body.put("headline", message.headline());
        List<Map<String, Object>> findings = message.findings().stream().map(f -> finding(f, links)).toList();
        body.put("findings", findings);
        return body;
    }

    private static Map<String, Object> finding(FindingAlert f, Links links) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.findingId());
        out.put("ruleId", f.ruleId());
        out.put("ruleTitle", f.ruleTitle());
        out.put("severity", f.severity().name());
        out.put("status", f.status());
        out.put("schema", f.schema());
        out.put("table", f.table());
        out.put("statement", f.statement());
        out.put("message", f.message());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("role", f.actorRole());
        actor.put("application", f.actorApplication());
        out.put("actor", actor);
        out.put("tableRows", f.tableRows());
        out.put("tableBytes", f.tableBytes());
        out.put("link", links.finding(f.findingId()));
        return out;
    }
}
