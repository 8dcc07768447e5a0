package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Reads and builds qualified object names the way the rules report them: plain {@code schema.name}, no quotes. */
final class Names {

    private Names() {
    }

    /**
     * Splits a PostgreSQL object identity such as {@code public."Order Lines".note} into its unquoted parts.
     * Dots inside double quotes belong to the name, and {@code ""} inside quotes is one quote character.
     */
    static List<String> parts(String identity) {
        List<String> parts = new ArrayList<>();
        if (identity == null || identity.isEmpty()) {
            return parts;
        }
        if (identity.indexOf('"') < 0) {
            return unquotedParts(identity, parts); // as nearly every identity is
        }
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < identity.length(); i++) {
            char c = identity.charAt(i);
            if (c == '"' && quoted && i + 1 < identity.length() && identity.charAt(i + 1) == '"') {
                part.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /** The parts of an identity without quotes: the runs between its dots. */
    private static List<String> unquotedParts(String identity, List<String> parts) {
        int start = 0;
        for (int dot = identity.indexOf('.'); dot >= 0; dot = identity.indexOf('.', start)) {
            parts.add(identity.substring(start, dot));
            start = dot + 1;
        }
        parts.add(identity.substring(start));
        return parts;
    }

    /** The last part of an identity: the object's own name without schema (or table, for a column). */
    static String unqualified(String identity) {
        List<String> parts = parts(identity);
        return parts.isEmpty() ? identity : parts.get(parts.size() - 1);
    }

    /** The identity without quotes, e.g. {@code public."Orders"} becomes {@code public.Orders}. */
    static String normalized(String identity) {
        return String.join(".", parts(identity));
    }

    /** {@code schema.name}, or just {@code name} when the schema is unknown. */
    static String qualified(String schema, String name) {
        return schema == null || schema.isEmpty() ? name : schema + "." + name;
    }

    /** The qualified name of a snapshot's table. */
    static String of(TableSnapshot table) {
        return qualified(table.getSchemaName(), table.getTableName());
    }

    /** Whether the identity (qualified or not) names this snapshot's table. */
    static boolean namesTable(String identity, TableSnapshot table) {
        if (identity != null && identity.indexOf('"') < 0) {
            return unquotedNamesTable(identity, table.getSchemaName(), table.getTableName());
        }
        List<String> parts = parts(identity);
        if (parts.isEmpty() || !parts.get(parts.size() - 1).equals(table.getTableName())) {
            return false;
        }
        return parts.size() == 1 || parts.get(parts.size() - 2).equals(table.getSchemaName());
    }

    /**
     * {@link #namesTable} for an identity without quotes, read in place: the engine asks it of every snapshot for
     * several rules, and splitting the identity each time made garbage of most of it.
     */
    private static boolean unquotedNamesTable(String identity, String schema, String table) {
        if (identity.isEmpty() || table == null) {
            return false;
        }
        int lastDot = identity.lastIndexOf('.');
        if (!isPart(identity, lastDot + 1, identity.length(), table)) {
            return false;
        }
        return lastDot < 0 || schema != null && isPart(identity, identity.lastIndexOf('.', lastDot - 1) + 1, lastDot,
                schema);
    }

    /** Whether the identity's characters from start to end spell the name. */
    private static boolean isPart(String identity, int start, int end, String name) {
        return end - start == name.length() && identity.startsWith(name, start);
    }
}
