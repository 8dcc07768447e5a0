package io.schemagov.dashboard.overview;

import io.schemagov.dashboard.api.ApiException;
import io.schemagov.dashboard.api.Parameters;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/overview?since=7d}: the counts, timeline, top lists and ingest status of the overview page. */
@RestController
class OverviewController {

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})([hdw])");

    private final OverviewQueries queries;

    OverviewController(OverviewQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/overview")
    Overview overview(@RequestParam(defaultValue = "7d") String since, @RequestParam(required = false) String to,
            @RequestParam(required = false) String database) {
        Instant parsed = Parameters.instant("to", to);
        Instant end = parsed == null ? Instant.now() : parsed;
        return queries.overview(end.minus(period(since)), end, database == null || database.isBlank() ? null : database);
    }

    static Duration period(String since) {
        Matcher m = PERIOD.matcher(since);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw ApiException.badParameter("since", "expected a period such as 24h, 7d or 4w");
        }
        long n = Long.parseLong(m.group(1));
        Duration period = switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (period.compareTo(Duration.ofDays(366)) > 0) {
            throw ApiException.badParameter("since", "at most a year");
        }
        return period;
    }
}
