package io.schemagov.dashboard.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.schemagov.dashboard.api.ApiException;
import io.schemagov.dashboard.api.Parameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code GET /api/audit/verify} and {@code GET /api/audit/export}: the audit trail, proven and handed over. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditVerifier verifier;
    private final AuditExport export;

    AuditController(ElasticsearchClient client) {
        this.verifier = new AuditVerifier(client);
        this.export = new AuditExport(client);
    }

    /** A table's trail over a period: intact, or the first break. */
    @GetMapping("/verify")
    AuditVerificationReport verify(@RequestParam(required = false) String database,
            @RequestParam(required = false) String table, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Period period = period(database, table, true, from, to);
        try {
            return verifier.verify(database, table, period.from(), period.to());
        } catch (IOException | ElasticsearchException e) {
            throw ApiException.searchUnavailable(e);
        }
    }

    /**
     * The records of a period for one table or a whole database, as JSON or CSV, with each table's verification.
     * Elasticsearch failing midway cuts the download short, which the client sees as a truncated transfer.
     */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String database,
            @RequestParam(required = false) String table, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "json") String format) {
        Period period = period(database, table, false, from, to);
        AuditExport.Format chosen = switch (format) {
            case "json" -> AuditExport.Format.JSON;
            case "csv" -> AuditExport.Format.CSV;
            default -> throw ApiException.badParameter("format", "must be json or csv, got '" + format + "'");
        };
        String name = "audit-" + database.replaceAll("[^A-Za-z0-9_-]", "_")
                + (table == null ? "" : "-" + table.replaceAll("[^A-Za-z0-9_.-]", "_")) + "." + format;
        return ResponseEntity.ok()
                .contentType(chosen == AuditExport.Format.JSON ? MediaType.APPLICATION_JSON
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(out -> export.write(database, table, period.from(), period.to(), chosen, out));
    }

    private record Period(Instant from, Instant to) {
    }

    private static Period period(String database, String table, boolean tableRequired, String from, String to) {
        if (database == null || database.isBlank()) {
            throw ApiException.badParameter("database", "required: the source database's name");
        }
        if ((tableRequired || table != null) && (table == null || !table.matches("[^.]+\\.[^.]+"))) {
            throw ApiException.badParameter("table", (tableRequired ? "required: " : "must be ") + "schema.table");
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.badParameter("to", "must be after from");
        }
        return new Period(start, end);
    }

    private static Instant instant(String parameter, String value) {
        return Parameters.instant(parameter, value);
    }
}
