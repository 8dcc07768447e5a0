package io.schemagov.rules;

import java.util.Locale;

/**
 * Searches text for an upper-case word the way {@code text.toUpperCase(Locale.ROOT).contains(word)} does, without
 * making the upper-case copy when the text is plain ASCII, as catalog definitions nearly always are.
 */
final class UpperCaseText {

    private UpperCaseText() {
    }

    /** Whether the text, in upper case, contains the word; the word must be in upper case already. */
    static boolean contains(String text, String word) {
        if (!isAscii(text)) {
            return text.toUpperCase(Locale.ROOT).contains(word); // letters that change length in upper case
        }
        if (word.isEmpty() || word.charAt(0) >= 128) {
            return text.toUpperCase(Locale.ROOT).contains(word);
        }
        // In ASCII text only the word's first letter in either case can start it: compare the rest only there.
        char upper = word.charAt(0);
        char lower = Character.toLowerCase(upper);
        for (int i = 0; i + word.length() <= text.length(); i++) {
            char c = text.charAt(i);
            if ((c == upper || c == lower) && text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
