package io.schemagov.analyzer.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Slack incoming-webhook blocks: a header, then one section per finding with statement, table size, lock, actor and link. */
final class SlackPayload implements Payload {

    /** Slack takes at most 50 blocks; the rest of a large group is counted in a last line. */
    private static final int MAX_FINDING_BLOCKS = 45;

    @Override
    public Map<String, Object> render(AlertMessage message, Links links) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", Payload.shorten(message.headline(), 150))));
        List<FindingAlert> findings = message.findings();
        for (FindingAlert f : findings.subList(0, Math.min(findings.size(), MAX_FINDING_BLOCKS))) {
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text(f, message, links))));
        }
        if (findings.size() > MAX_FINDING_BLOCKS) {
            blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                    "text", "and " + (findings.size() - MAX_FINDING_BLOCKS) + " more findings in the dashboard"))));
        }
        return Map.of("text", message.headline(), "blocks", blocks);
    }

    private static String text(FindingAlert f, AlertMessage message, Links links) {
        String state = message.kind() == AlertMessage.Kind.RESOLUTION ? " — " + f.status() : "";
        return "*[" + f.severity() + "] " + f.ruleTitle() + "* on `" + f.qualifiedTable() + "`" + state + "\n"
                + (f.statement() == null ? "" : "```" + Payload.shorten(f.statement(), 1500) + "```\n")
                + "Table size: " + Payload.tableSize(f) + "\n"
                + "Lock: " + Payload.shorten(f.message(), 600) + "\n"
                + "Actor: " + Payload.actor(f) + "\n"
                + "<" + links.finding(f.findingId()) + "|Open in the dashboard>";
    }
}
