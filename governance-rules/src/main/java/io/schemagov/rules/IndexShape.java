package io.schemagov.rules;

import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Objects;

/**
 * An index reduced to what decides which queries it serves: access method, key elements with their ordering and
 * operator classes, INCLUDE columns, uniqueness and predicate, read from pg_get_indexdef's text.
 *
 * @param keys    the key elements as written, e.g. {@code customer_id}, {@code created_at DESC}, {@code lower(email)}
 * @param rest    what follows the keys (INCLUDE, NULLS NOT DISTINCT), without storage parameters and tablespace
 */
record IndexShape(IndexSnapshot index, String method, List<String> keys, String rest) {

    private static final String USING = " USING ";
    private static final String BTREE = "btree";
    private static final Pattern STORAGE_PARAMETERS = Pattern.compile("\\s+WITH\\s*\\([^)]*\\)");
    private static final Pattern TABLESPACE = Pattern.compile("\\s+TABLESPACE\\s+\\S+");
    private static final Pattern PREDICATE = Pattern.compile("\\s+WHERE\\s.*$");

    static IndexShape of(IndexSnapshot index) {
        String definition = index.getDefinition() == null ? "" : index.getDefinition();
        int using = definition.indexOf(USING);
        int open = using < 0 ? -1 : definition.indexOf('(', using);
        int close = open < 0 ? -1 : closing(definition, open);
        if (close < 0) {
            // No readable definition: the key columns are the best there is.
            return new IndexShape(index, "btree", index.getColumns(), "");
        }
        String method = LowerCaseText.of(trimmed(definition, using + USING.length(), open, BTREE));
        String rest = definition.substring(close + 1);
        // Each pattern needs its keyword: most definitions end at the key list, and skip all three.
        rest = rest.contains("WITH") ? STORAGE_PARAMETERS.matcher(rest).replaceAll("") : rest;
        rest = rest.contains("TABLESPACE") ? TABLESPACE.matcher(rest).replaceAll("") : rest;
        rest = rest.contains("WHERE") ? PREDICATE.matcher(rest).replaceAll("") : rest;
        rest = rest.trim(); // the predicate is compared from its own field
        return new IndexShape(index, method, split(definition, open + 1, close, index.getColumns()), rest);
    }

    /** Same method, keys, extras, uniqueness and predicate: one of the two is pure overhead. */
    boolean sameAs(IndexShape other) {
        return method.equals(other.method) && keys.equals(other.keys) && rest.equals(other.rest)
                && index.getUnique() == other.index.getUnique() && samePredicate(other);
    }

    boolean samePredicate(IndexShape other) {
        return Objects.equals(index.getPredicate(), other.index.getPredicate());
    }

    boolean isBtree() {
        return method.equals("btree");
    }

    boolean hasInclude() {
        return !rest.isEmpty() && UpperCaseText.contains(rest, "INCLUDE");
    }

    String name() {
        return index.getName();
    }

    /** {@code orders_customer_idx (customer_id, created_at DESC)}. */
    String describe() {
        return index.getName() + " (" + String.join(", ", keys) + ")";
    }

    /** Whether dropping the index would drop a constraint: a primary key, unique or exclusion constraint. */
    boolean backsConstraint(TableSnapshot table) {
        return index.getPrimary() || table.getConstraints().stream()
                .filter(c -> c.getType() == ConstraintType.UNIQUE || c.getType() == ConstraintType.PRIMARY_KEY
                        || c.getType() == ConstraintType.EXCLUSION)
                .map(ConstraintSnapshot::getName).anyMatch(index.getName()::equals);
    }

    /** The position of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote; // a doubled quote reopens at once, which keeps the count right
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Splits the key list between two positions of the text at commas outside parentheses and quotes; a key that
     * spells the index's column at its position is that column's String rather than a copy.
     */
    private static List<String> split(String list, int from, int to, List<String> columns) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = list.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && c == ',') {
                parts.add(trimmed(list, start, i, columnAt(columns, parts.size())));
                start = i + 1;
            }
        }
        parts.add(trimmed(list, start, to, columnAt(columns, parts.size())));
        return List.copyOf(parts);
    }

    private static String columnAt(List<String> columns, int position) {
        return columns != null && position < columns.size() ? columns.get(position) : null;
    }

    /**
     * {@code text.substring(from, to).trim()} without the untrimmed copy, and without any copy when it spells the
     * expected text (null: none expected).
     */
    private static String trimmed(String text, int from, int to, String expected) {
        int start = from;
        int end = to;
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        if (expected != null && expected.length() == end - start && text.startsWith(expected, start)) {
            return expected;
        }
        return text.substring(start, end);
    }
}
