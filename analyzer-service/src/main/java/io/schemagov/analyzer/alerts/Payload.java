package io.schemagov.analyzer.alerts;

import java.util.Map;

/** The JSON body an HTTP channel posts for a message; one implementation per receiver's format. */
interface Payload {

    Map<String, Object> render(AlertMessage message, Links links);

    /** Shortens long statements so one DDL cannot exceed a receiver's message size limit. */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Row count and size of the table, as far as they are known. */
    static String tableSize(FindingAlert finding) {
        if (finding.tableRows() == null && finding.tableBytes() == null) {
            return "unknown";
        }
        return "~" + (finding.tableRows() == null ? "?" : finding.tableRows()) + " rows, "
                + (finding.tableBytes() == null ? "?" : finding.tableBytes() / 1024 + " KiB");
    }

    static String actor(FindingAlert finding) {
        return finding.actorRole() + (finding.actorApplication() == null || finding.actorApplication().isBlank()
                ? "" : " via " + finding.actorApplication());
    }
}
