package io.schemagov.dashboard.findings;

import co.elastic.clients.elasticsearch._types.SortOrder;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The orders a findings list can be read in. Each ends in the same identifying tiebreakers (event position,
 * database, rule, object, then {@code _seq_no}): a unique, stable order is what makes {@code search_after} paging
 * return every finding exactly once. {@code _id} cannot be used: Elasticsearch 8 refuses to sort on it.
 */
enum FindingSort {
    NEWEST(field("eventTime", SortOrder.Desc)),
    OLDEST(field("eventTime", SortOrder.Asc)),
    SEVERITY(field("severityRank", SortOrder.Desc), "eventTime", SortOrder.Desc);

    private final Map<String, SortOrder> fields;

    FindingSort(Map<String, SortOrder> leading) {
        this.fields = withTiebreakers(leading);
    }

    FindingSort(Map<String, SortOrder> leading, String second, SortOrder secondOrder) {
        Map<String, SortOrder> both = new LinkedHashMap<>(leading);
        both.put(second, secondOrder);
        this.fields = withTiebreakers(both);
    }

    /** The sort fields in order, each with its direction. */
    Map<String, SortOrder> fields() {
        return fields;
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<FindingSort> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.parameter().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    private static Map<String, SortOrder> field(String name, SortOrder order) {
        return Map.of(name, order);
    }

    private static Map<String, SortOrder> withTiebreakers(Map<String, SortOrder> leading) {
        Map<String, SortOrder> fields = new LinkedHashMap<>(leading);
        fields.put("position", SortOrder.Desc);
        fields.put("database", SortOrder.Asc);
        fields.put("ruleId", SortOrder.Asc);
        fields.put("object", SortOrder.Asc);
        fields.put("_seq_no", SortOrder.Asc);
        return Collections.unmodifiableMap(fields);
    }
}
