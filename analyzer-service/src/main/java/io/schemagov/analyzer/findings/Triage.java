package io.schemagov.analyzer.findings;

import io.schemagov.analyzer.elasticsearch.IndexOperation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the decisions people took on a finding when the analyzer writes it again. A finding is rewritten when its
 * change is replayed or, for a table's state, when a later change re-checks the table; an acknowledgement from the
 * dashboard, or a suppression from the dashboard or an inline comment, must survive that, or triage would be undone
 * by the next ALTER. Suppressions from the rules file are not kept: the file is the truth, and removing an entry
 * reopens its findings.
 */
public final class Triage {

    /** The fields of the stored document that this class needs. */
    public static final List<String> FIELDS = List.of("status", "acknowledgement", "suppression");
    private static final Set<String> KEPT_SOURCES = Set.of("dashboard", "inline");

    private Triage() {
    }

    /**
     * The operations with each rewritten finding carrying the triage of its stored version.
     *
     * @param stored the stored {@link #FIELDS} of the findings that already exist, by document id
     */
    public static List<IndexOperation> kept(List<IndexOperation> operations, Map<String, Map<String, Object>> stored) {
        List<IndexOperation> result = new ArrayList<>(operations.size());
        for (IndexOperation operation : operations) {
            Map<String, Object> previous = stored.get(operation.id());
            if (operation instanceof IndexOperation.Put put && previous != null) {
                result.add(new IndexOperation.Put(put.index(), put.id(), merged(put.document(), previous)));
            } else {
                result.add(operation);
            }
        }
        return result;
    }

    static Map<String, Object> merged(Map<String, Object> fresh, Map<String, Object> previous) {
        Map<String, Object> doc = new LinkedHashMap<>(fresh);
        Object acknowledgement = previous.get("acknowledgement");
        if (acknowledgement != null) {
            doc.put("acknowledgement", acknowledgement);
        }
        if ("suppressed".equals(fresh.get("status"))) {
            return doc; // the rules file or the statement itself suppressed it again
        }
        if ("suppressed".equals(previous.get("status")) && previous.get("suppression") instanceof Map<?, ?> s
                && KEPT_SOURCES.contains(String.valueOf(s.get("source"))) && stillHolds(s.get("expires"), fresh.get("eventTime"))) {
            doc.put("status", "suppressed");
            doc.put("suppression", s);
        } else if ("acknowledged".equals(previous.get("status"))) {
            doc.put("status", "acknowledged");
        }
        return doc;
    }

    /** Whether a suppression expiring on {@code expires} (a date, or null for never) holds on the change's day. */
    private static boolean stillHolds(Object expires, Object eventTime) {
        if (expires == null) {
            return true;
        }
        try {
            return !day(eventTime).isAfter(day(expires));
        } catch (DateTimeParseException e) {
            return false; // an expiry nobody can read is no reason to hide a finding
        }
    }

    private static LocalDate day(Object isoDateOrTime) {
        String text = String.valueOf(isoDateOrTime);
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }
}
