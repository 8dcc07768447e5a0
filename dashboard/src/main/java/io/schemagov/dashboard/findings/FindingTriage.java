package io.schemagov.dashboard.findings;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.dashboard.api.ApiException;
import io.schemagov.dashboard.api.SearchCalls;
import io.schemagov.model.ElasticsearchIndices;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The decisions admins take on a finding from the dashboard: acknowledge it, suppress it (with a reason and an
 * optional expiry) or reopen it. Each is written into the finding (where the analyzer keeps it when it rewrites the
 * finding) and appended to the triage log, with who, when and why.
 */
@Service
class FindingTriage {

    /** Append-only: one document per decision. */
    static final String TRIAGE_LOG = "schemagov-triage-log";
    static final int MAX_REASON_LENGTH = 2000;
    /** Attempts when the analyzer rewrites the finding between our read and our write. */
    static final int MAX_ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchClient client;
    private final Clock clock;

    @Autowired
    FindingTriage(ElasticsearchClient client) {
        this(client, Clock.systemUTC());
    }

    FindingTriage(ElasticsearchClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** A decision as an admin sends it. */
    record Decision(String reason, String expires) {
    }

    ObjectNode acknowledge(String id, String by, Decision decision) {
        Map<String, Object> acknowledgement = new LinkedHashMap<>();
        acknowledgement.put("by", by);
        acknowledgement.put("at", clock.instant().toString());
        acknowledgement.put("reason", reason(decision, true));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("status", "acknowledged");
        change.put("acknowledgement", acknowledgement);
        return apply(id, "acknowledge", by, decision, change);
    }

    ObjectNode suppress(String id, String by, Decision decision) {
        LocalDate expires = expires(decision.expires());
        Map<String, Object> suppression = new LinkedHashMap<>();
        suppression.put("source", "dashboard");
        suppression.put("author", by);
        suppression.put("reason", reason(decision, true));
        suppression.put("expires", expires == null ? null : expires.toString());
        suppression.put("at", clock.instant().toString());
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("status", "suppressed");
        change.put("suppression", suppression);
        return apply(id, "suppress", by, decision, change);
    }

    /** Back to open: the acknowledgement and a dashboard suppression are cleared (the log keeps them). */
    ObjectNode reopen(String id, String by, Decision decision) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("status", "open");
        change.put("acknowledgement", null);
        change.put("suppression", null);
        return apply(id, "reopen", by, decision, change);
    }

    /**
     * Rewrites the whole finding with the change, guarded by its sequence number: when the analyzer rewrote it in the
     * meantime, the decision is applied again on the new version rather than undoing the analyzer's write. (A partial
     * update cannot remove fields here: the client drops nulls, and this Elasticsearch has no scripts.)
     */
    private ObjectNode apply(String id, String action, String by, Decision decision, Map<String, Object> change) {
        for (int attempt = 1; ; attempt++) {
            GetResponse<ObjectNode> current = SearchCalls.call(() -> client.get(g -> g
                    .index(ElasticsearchIndices.FINDINGS).id(id), ObjectNode.class));
            if (!current.found() || current.source() == null) {
                throw ApiException.notFound("no finding with id '" + id + "'");
            }
            ObjectNode doc = current.source();
            String previousStatus = doc.path("status").asText(null);
            change.forEach((field, value) -> {
                if (value == null) {
                    doc.remove(field);
                } else {
                    doc.set(field, JSON.valueToTree(value));
                }
            });
            try {
                SearchCalls.call(() -> client.index(i -> i.index(ElasticsearchIndices.FINDINGS).id(id).document(doc)
                        .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()).refresh(Refresh.True)));
            } catch (ElasticsearchException e) {
                if (e.status() == 409 && attempt < MAX_ATTEMPTS) {
                    continue;
                }
                throw e;
            }
            log(id, action, by, decision, previousStatus, doc);
            return FindingSearch.withId(id, doc);
        }
    }

    private void log(String id, String action, String by, Decision decision, String previousStatus, ObjectNode doc) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("findingId", id);
        entry.put("action", action);
        entry.put("by", by);
        entry.put("at", clock.instant().toString());
        entry.put("reason", reason(decision, false));
        entry.put("expires", decision == null ? null : decision.expires());
        entry.put("previousStatus", previousStatus);
        entry.put("database", doc.path("database").asText(null));
        entry.put("ruleId", doc.path("ruleId").asText(null));
        SearchCalls.call(() -> client.index(i -> i.index(TRIAGE_LOG).document(entry).refresh(Refresh.WaitFor)));
    }

    private static String reason(Decision decision, boolean required) {
        String reason = decision == null ? null : decision.reason();
        if (reason == null || reason.isBlank()) {
            if (required) {
                throw ApiException.badParameter("reason", "required: say why, for the record");
            }
            return null;
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw ApiException.badParameter("reason", "at most " + MAX_REASON_LENGTH + " characters");
        }
        return reason.trim();
    }

    private LocalDate expires(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter("expires", "expected a date such as 2026-12-31");
        }
        if (!date.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            throw ApiException.badParameter("expires", "must be in the future");
        }
        return date;
    }
}
