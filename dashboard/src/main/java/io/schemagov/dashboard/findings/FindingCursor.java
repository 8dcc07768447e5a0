package io.schemagov.dashboard.findings;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.schemagov.dashboard.api.SortValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a page of findings stopped: the order it was read in and the sort values of its last hit, encoded as
 * {@link SortValues} with the order's name first, so a cursor cannot be replayed against another order.
 */
record FindingCursor(FindingSort sort, List<Object> values) {

    FindingCursor {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    static FindingCursor fromSortValues(FindingSort sort, List<FieldValue> sortValues) {
        if (sortValues.size() != sort.fields().size()) {
            throw new IllegalStateException("unexpected sort values from Elasticsearch: " + sortValues);
        }
        return new FindingCursor(sort, SortValues.from(sortValues));
    }

    List<FieldValue> toSortValues() {
        return SortValues.toFieldValues(values);
    }

    String encode() {
        List<Object> all = new ArrayList<>();
        all.add(sort.parameter());
        all.addAll(values);
        return SortValues.encode(all);
    }

    /** The inverse of {@link #encode()}; anything else fails with {@link IllegalArgumentException}. */
    static FindingCursor decode(String cursor) {
        List<Object> all = SortValues.decode(cursor);
        if (!(all.get(0) instanceof String name)) {
            throw new IllegalArgumentException("cursor has the wrong shape");
        }
        FindingSort sort = FindingSort.parse(name)
                .orElseThrow(() -> new IllegalArgumentException("cursor names an unknown order"));
        if (all.size() != sort.fields().size() + 1) {
            throw new IllegalArgumentException("cursor has the wrong shape");
        }
        return new FindingCursor(sort, all.subList(1, all.size()));
    }
}
