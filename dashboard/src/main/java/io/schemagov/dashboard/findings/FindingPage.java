package io.schemagov.dashboard.findings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of findings: each item is the stored document plus its {@code id}; {@code next} is the cursor of the
 * following page, or null on the last one; {@code total} counts the findings matching the filters, exactly when
 * {@code totalExact}, else as a lower bound ({@link FindingRequests#TOTAL_COUNT_LIMIT}).
 */
record FindingPage(List<ObjectNode> items, String next, long total, boolean totalExact) {

    FindingPage {
        items = List.copyOf(items);
    }
}
