package io.schemagov.rules;

import java.util.Locale;

/**
 * Puts text in lower case the way {@code text.toLowerCase(Locale.ROOT)} does, returning the text itself without the
 * JDK's per-character case table lookups when it is plain ASCII with no capital: column types, index methods and
 * column names nearly always are, and the table rules ask this of every column of every snapshot.
 */
final class LowerCaseText {

    private LowerCaseText() {
    }

    /** The text in lower case; the same String when nothing changes, as {@link String#toLowerCase} returns too. */
    static String of(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 128) {
                return text.toLowerCase(Locale.ROOT);
            }
        }
        return text;
    }
}
