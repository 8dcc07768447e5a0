package io.schemagov.rules;

import java.util.Locale;
import java.util.Set;

/**
 * A set of upper-case ASCII keywords that SQL words are looked up in whatever their letter case, the way
 * {@code keywords.contains(word.toUpperCase(Locale.ROOT))} does, without the upper-case copy of each word: the
 * statement readers ask it of most words of every ALTER TABLE, and most of those words are names in lower case.
 */
final class Keywords {

    private final Set<String> upper;
    private final String[] words;

    private Keywords(Set<String> upper) {
        this.upper = upper;
        this.words = upper.toArray(String[]::new);
    }

    /** @throws IllegalArgumentException when a keyword is not upper-case ASCII, which the lookup relies on */
    static Keywords of(String... keywords) {
        for (String keyword : keywords) {
            if (!keyword.chars().allMatch(c -> c < 128 && !Character.isLowerCase(c))) {
                throw new IllegalArgumentException("not an upper-case ASCII keyword: " + keyword);
            }
        }
        return new Keywords(WordSet.of(keywords));
    }

    /** Whether the word in upper case is one of the keywords. */
    boolean contains(String word) {
        return find(word) != null;
    }

    /** The keyword the word is in upper case, or null: {@code word.toUpperCase(Locale.ROOT)} when it is one. */
    String find(String word) {
        int lowerCase = lowerCaseOrNonAscii(word);
        if (lowerCase < 0) {
            return upper.contains(word) ? word : null; // upper case already, as keywords are mostly written
        }
        if (word.charAt(lowerCase) >= 128 || !isAscii(word, lowerCase)) {
            String upperCased = word.toUpperCase(Locale.ROOT); // letters that upper-case into ASCII ones
            return upper.contains(upperCased) ? upperCased : null;
        }
        // ASCII in mixed or lower case: its upper case equals a keyword exactly when the two equal ignoring case.
        for (String keyword : words) {
            if (keyword.length() == word.length() && keyword.equalsIgnoreCase(word)) {
                return keyword;
            }
        }
        return null;
    }

    /**
     * The position of the first lower-case ASCII letter or non-ASCII character, or -1: a word without one cannot
     * equal another upper-case word ignoring case unless the two are equal.
     */
    static int lowerCaseOrNonAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 128) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAscii(String word, int from) {
        for (int i = from; i < word.length(); i++) {
            if (word.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
