package io.schemagov.dashboard.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.schemagov.dashboard.api.ApiException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit/verify}: proves a table's audit trail over a period unaltered, or names the first break. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditVerifier verifier;

    AuditController(ElasticsearchClient client) {
        this.verifier = new AuditVerifier(client);
    }

    @GetMapping("/verify")
    AuditVerificationReport verify(@RequestParam(required = false) String database,
            @RequestParam(required = false) String table, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        if (database == null || database.isBlank()) {
            throw ApiException.badParameter("database", "required: the source database's name");
        }
        if (table == null || !table.matches("[^.]+\\.[^.]+")) {
            throw ApiException.badParameter("table", "required: schema.table");
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.badParameter("to", "must be after from");
        }
        try {
            return verifier.verify(database, table, start, end);
        } catch (IOException | ElasticsearchException e) {
            throw ApiException.searchUnavailable(e);
        }
    }

    private static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(parameter, "must be an ISO-8601 instant such as 2026-11-20T00:00:00Z, got '"
                    + value + "'");
        }
    }
}
