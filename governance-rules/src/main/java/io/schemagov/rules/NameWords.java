package io.schemagov.rules;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DesignColumns#words} remembered by name: a fleet's snapshots name the same columns over and over, and three
 * rules read the words of most columns of every snapshot. Bounded, so that a stream of unusual names cannot make
 * it grow without end; a name past the bound is split every time, as before.
 */
final class NameWords {

    private static final int LIMIT = 10_000;
    private static final ConcurrentHashMap<String, List<String>> KNOWN = new ConcurrentHashMap<>();

    private NameWords() {
    }

    /** The same words as {@link DesignColumns#words}, unmodifiable. */
    static List<String> of(String name) {
        if (name == null) {
            return DesignColumns.words(name); // fails as it always did
        }
        List<String> words = KNOWN.get(name);
        if (words == null) {
            words = DesignColumns.words(name);
            if (KNOWN.size() < LIMIT) {
                KNOWN.putIfAbsent(name, words);
            }
        }
        return words;
    }
}
