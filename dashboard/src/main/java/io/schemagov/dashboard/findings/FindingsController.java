package io.schemagov.dashboard.findings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schemagov.dashboard.api.ApiException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/findings} (filtered, cursor-paged, newest first) and {@code GET /api/findings/{id}}. */
@RestController
@RequestMapping("/api/findings")
class FindingsController {

    private final FindingSearch search;

    FindingsController(FindingSearch search) {
        this.search = search;
    }

    /** Takes the raw parameters so repeated values are kept as sent (database names may contain commas). */
    @GetMapping
    FindingPage list(@RequestParam MultiValueMap<String, String> params) {
        return search.page(FindingQueryParser.parse(params));
    }

    @GetMapping("/{id}")
    ObjectNode get(@PathVariable String id) {
        return search.byId(id).orElseThrow(() -> ApiException.notFound("no finding with id '" + id + "'"));
    }
}
