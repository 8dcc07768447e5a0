package io.schemagov.dashboard.findings;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/databases}: the names of the monitored databases (with findings, schema history or audit records). */
@RestController
class DatabasesController {

    private final FindingSearch search;

    DatabasesController(FindingSearch search) {
        this.search = search;
    }

    @GetMapping("/api/databases")
    DatabaseList databases() {
        return new DatabaseList(search.databases());
    }

    /** Wrapped in an object, not a bare array, so fields can be added later without breaking clients. */
    record DatabaseList(List<String> databases) {
    }
}
