package io.schemagov.rules;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Unmodifiable sets of words for the lookups the table rules make for every column of every snapshot. A
 * {@code Set.of} set places an element by the remainder of a division per probe; a HashSet by a bit mask, which
 * costs about half as much for the misses that nearly every column name is.
 */
final class WordSet {

    private WordSet() {
    }

    static Set<String> of(String... words) {
        return copyOf(Arrays.asList(words));
    }

    /** @throws NullPointerException when a word is null, as {@code Set.copyOf} would */
    static Set<String> copyOf(Collection<String> words) {
        return Collections.unmodifiableSet(new HashSet<>(List.copyOf(words)));
    }
}
