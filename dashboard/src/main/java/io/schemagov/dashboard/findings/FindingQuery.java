package io.schemagov.dashboard.findings;

import java.util.List;

/**
 * One page request over the findings: the filters (an empty list means "any"), the page size
 * and where the previous page stopped ({@code after} is null for the first page).
 */
record FindingQuery(List<String> severities, List<String> databases, List<String> statuses, int size,
                    FindingCursor after) {

    FindingQuery {
        severities = List.copyOf(severities);
        databases = List.copyOf(databases);
        statuses = List.copyOf(statuses);
    }
}
