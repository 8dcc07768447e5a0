package io.schemagov.analyzer.alerts;

import io.schemagov.rules.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Microsoft Teams MessageCard (the format Teams incoming webhooks and workflows take): one section per finding. */
final class TeamsPayload implements Payload {

    private static final int MAX_SECTIONS = 40;

    @Override
    public Map<String, Object> render(AlertMessage message, Links links) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("@type", "MessageCard");
        card.put("@context", "https://schema.org/extensions");
        card.put("summary", message.headline());
        card.put("title", message.headline());
        card.put("themeColor", colour(message));
        List<FindingAlert> findings = message.findings();
        card.put("sections", findings.subList(0, Math.min(findings.size(), MAX_SECTIONS)).stream()
                .map(f -> section(f, links)).toList());
        return card;
    }

    private static Map<String, Object> section(FindingAlert f, Links links) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("activityTitle", "[" + f.severity() + "] " + f.ruleTitle());
        section.put("activitySubtitle", f.qualifiedTable() + " — " + f.status());
        section.put("facts", List.of(
                Map.of("name", "Statement", "value", Payload.shorten(f.statement(), 1500)),
                Map.of("name", "Table size", "value", Payload.tableSize(f)),
                Map.of("name", "Lock", "value", Payload.shorten(f.message(), 600)),
                Map.of("name", "Actor", "value", Payload.actor(f))));
        section.put("potentialAction", List.of(Map.of("@type", "OpenUri", "name", "Open in the dashboard",
                "targets", List.of(Map.of("os", "default", "uri", links.finding(f.findingId()))))));
        return section;
    }

    private static String colour(AlertMessage message) {
        if (message.kind() == AlertMessage.Kind.RESOLUTION) {
            return "2EB886";
        }
        boolean critical = message.findings().stream().anyMatch(f -> f.severity() == Severity.CRITICAL);
        return critical ? "D70000" : "F2A900";
    }
}
