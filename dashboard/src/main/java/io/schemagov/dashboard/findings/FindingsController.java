package io.schemagov.dashboard.findings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.dashboard.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The findings: a filtered, sorted, cursor-paged list, one finding, an export of a filter, and the admins'
 * decisions (acknowledge, suppress, reopen).
 */
@RestController
@RequestMapping("/api/findings")
class FindingsController {

    private final FindingSearch search;
    private final FindingTriage triage;
    private final FindingExport export;

    FindingsController(FindingSearch search, FindingTriage triage) {
        this.search = search;
        this.triage = triage;
        this.export = new FindingExport(search);
    }

    /** Takes the raw parameters so repeated values are kept as sent (database names may contain commas). */
    @GetMapping
    FindingPage list(@RequestParam MultiValueMap<String, String> params) {
        return search.page(FindingQueryParser.parse(params, Instant.now()));
    }

    @GetMapping("/{id}")
    ObjectNode get(@PathVariable String id) {
        return search.byId(id).orElseThrow(() -> ApiException.notFound("no finding with id '" + id + "'"));
    }

    /** Every finding of the filter (the list's parameters) as CSV or JSON, in the list's order. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam MultiValueMap<String, String> params) {
        FindingQuery query = FindingQueryParser.parse(params, Instant.now());
        String format = FindingQueryParser.single(params, "format");
        FindingExport.Format chosen = switch (format == null ? "csv" : format) {
            case "csv" -> FindingExport.Format.CSV;
            case "json" -> FindingExport.Format.JSON;
            default -> throw ApiException.badParameter("format", "must be csv or json");
        };
        MediaType type = chosen == FindingExport.Format.CSV ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.APPLICATION_JSON;
        String name = "schemagov-findings." + chosen.name().toLowerCase(Locale.ROOT);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(out -> export.write(query.filter(), query.sort(), chosen, out));
    }

    @PostMapping("/{id}/acknowledge")
    ObjectNode acknowledge(@PathVariable String id, @RequestBody(required = false) FindingTriage.Decision decision,
            Authentication user) {
        return triage.acknowledge(id, user.getName(), decision);
    }

    @PostMapping("/{id}/suppress")
    ObjectNode suppress(@PathVariable String id, @RequestBody(required = false) FindingTriage.Decision decision,
            Authentication user) {
        return triage.suppress(id, user.getName(), decision);
    }

    @PostMapping("/{id}/reopen")
    ObjectNode reopen(@PathVariable String id, @RequestBody(required = false) FindingTriage.Decision decision,
            Authentication user) {
        return triage.reopen(id, user.getName(), decision);
    }
}
