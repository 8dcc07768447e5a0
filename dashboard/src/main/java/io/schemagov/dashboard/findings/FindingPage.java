package io.schemagov.dashboard.findings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of findings, newest first: each item is the stored document plus its {@code id};
 * {@code next} is the cursor of the following page, or null on the last one; {@code total}
 * counts every finding matching the filters.
 */
record FindingPage(List<ObjectNode> items, String next, long total) {

    FindingPage {
        items = List.copyOf(items);
    }
}
