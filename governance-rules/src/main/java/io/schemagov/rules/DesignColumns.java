package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the design rules need to know about a table's columns: their types in plain terms and their names. */
final class DesignColumns {

    private DesignColumns() {
    }

    /** The column's type as format_type writes it, in lower case; empty when unknown. */
    static String type(ColumnSnapshot column) {
        return column.getDataType() == null ? "" : LowerCaseText.of(column.getDataType());
    }

    /** A scalar character type: text, character varying or character, not an array or the one-byte "char". */
    static boolean isString(ColumnSnapshot column) {
        return isString(column.getTypeCategory(), type(column));
    }

    /** {@link #isString(ColumnSnapshot)} given the column's type category and {@link #type}. */
    static boolean isString(String typeCategory, String type) {
        if (type.endsWith("[]") || type.equals("\"char\"")) {
            return false;
        }
        return "S".equals(typeCategory) || type.equals("text") || type.startsWith("character")
                || type.equals("bpchar") || type.equals("citext");
    }

    /** The table's columns by name. */
    static Map<String, ColumnSnapshot> byName(TableSnapshot table) {
        return table.getColumns().stream().collect(Collectors.toMap(ColumnSnapshot::getName, Function.identity(),
                (first, second) -> first));
    }

    static Optional<ColumnSnapshot> find(TableSnapshot table, String name) {
        return table.getColumns().stream().filter(column -> column.getName().equals(name)).findFirst();
    }

    /**
     * The lower-case words of a name, split at underscores, digits and camelCase humps:
     * {@code unitPrice2_eur} gives {@code unit, price, eur}. The list is unmodifiable.
     */
    static List<String> words(String name) {
        if (isPlainLowerCase(name)) {
            return plainWords(name);
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean hump = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1));
            if (!Character.isLetter(c) || hump) {
                flush(word, words);
            }
            if (Character.isLetter(c)) {
                word.append(Character.toLowerCase(c));
            }
        }
        flush(word, words);
        return List.copyOf(words);
    }

    /** Only a-z, 0-9 and _, as nearly every column is named: then the words are the runs of letters as they are. */
    private static boolean isPlainLowerCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Most names have one or two words: those lists are made without a growable list to copy from. */
    private static List<String> plainWords(String name) {
        String first = null;
        String second = null;
        List<String> more = null;
        int start = -1;
        for (int i = 0; i <= name.length(); i++) {
            boolean letter = i < name.length() && name.charAt(i) >= 'a';
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                String word = name.substring(start, i);
                if (first == null) {
                    first = word;
                } else if (second == null) {
                    second = word;
                } else {
                    more = more == null ? new ArrayList<>(List.of(first, second)) : more;
                    more.add(word);
                }
                start = -1;
            }
        }
        return more != null ? List.copyOf(more) : second != null ? List.of(first, second)
                : first != null ? List.of(first) : List.of();
    }

    /** {@code name type}, e.g. {@code price double precision}, for listing columns in a message. */
    static String describe(ColumnSnapshot column) {
        return column.getName() + " " + column.getDataType();
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
