package io.schemagov.analyzer.alerts;

import io.schemagov.analyzer.elasticsearch.DocumentIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message to one channel: findings of one database raised (or resolved) together. A
 * message marked {@code heldBack} summarises alerts the channel's rate limit held back.
 */
record AlertMessage(String id, Kind kind, String database, List<FindingAlert> findings, boolean heldBack) {

    enum Kind { ALERT, RESOLUTION }

    AlertMessage {
        findings = List.copyOf(findings);
    }

    static AlertMessage of(String channel, Kind kind, String database, List<FindingAlert> findings, boolean heldBack) {
        List<String> parts = new ArrayList<>(List.of(channel, kind.name()));
        findings.forEach(f -> parts.add(f.findingId()));
        return new AlertMessage(DocumentIds.of(parts.toArray(String[]::new)), kind, database, findings, heldBack);
    }

    /** Findings grouped by database, in arrival order: a migration of 40 statements is one message, not 40. */
    static List<AlertMessage> group(String channel, Kind kind, List<FindingAlert> findings) {
        Map<String, List<FindingAlert>> byDatabase = new LinkedHashMap<>();
        for (FindingAlert finding : findings) {
            byDatabase.computeIfAbsent(finding.database(), d -> new ArrayList<>()).add(finding);
        }
        return byDatabase.entrySet().stream().map(e -> of(channel, kind, e.getKey(), e.getValue(), false)).toList();
    }

    /** All held-back findings as one summary message. */
    static AlertMessage summary(String channel, List<FindingAlert> findings) {
        long databases = findings.stream().map(FindingAlert::database).distinct().count();
        String database = databases == 1 ? findings.get(0).database() : databases + " databases";
        return of(channel, Kind.ALERT, database, findings, true);
    }

    String headline() {
        int n = findings.size();
        String what = kind == Kind.RESOLUTION ? n + (n == 1 ? " finding" : " findings") + " resolved"
                : n + (n == 1 ? " risky change" : " risky changes");
        return (heldBack ? "Summary (rate limit): " : "") + what + " on " + database;
    }
}
