package io.schemagov.rules;

import java.util.Collection;
import java.util.List;

/** Joins names for a message, cut after a few so that a cascade over hundreds of objects stays readable. */
final class ShortList {

    /** How many names a message lists before it only counts the rest. */
    static final int SHOWN = 10;

    private ShortList() {
    }

    /** {@code a, b, c} or {@code a, b, ... and 12 more}. */
    static String of(Collection<String> names) {
        List<String> list = List.copyOf(names);
        if (list.size() <= SHOWN) {
            return String.join(", ", list);
        }
        return String.join(", ", list.subList(0, SHOWN)) + " and " + (list.size() - SHOWN) + " more";
    }

    /** {@code 1 table} or {@code 3 tables}. */
    static String count(int count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
