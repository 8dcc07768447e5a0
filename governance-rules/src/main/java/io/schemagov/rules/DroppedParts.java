package io.schemagov.rules;

import io.schemagov.model.DroppedObject;
import java.util.List;

/**
 * A dropped object that belongs to a table, such as a constraint or trigger, whose identity PostgreSQL writes as
 * {@code name on schema.table} (name quoted when needed).
 *
 * @param name   the object's own name, unquoted
 * @param schema the table's schema, or null when the identity has none
 * @param table  the table's name, unquoted
 */
record DroppedParts(String name, String schema, String table) {

    private static final String ON = " on ";

    /** The parts of a {@code name on schema.table} identity, or null when the identity is not of that form. */
    static DroppedParts of(DroppedObject dropped) {
        String identity = dropped.getObjectIdentity();
        int on = lastOnOutsideQuotes(identity);
        if (on < 0) {
            return null;
        }
        List<String> name = Names.parts(identity.substring(0, on));
        List<String> table = Names.parts(identity.substring(on + ON.length()));
        String schema = table.size() > 1 ? table.get(table.size() - 2) : dropped.getSchemaName();
        return new DroppedParts(name.get(name.size() - 1), schema, table.get(table.size() - 1));
    }

    /** {@code schema.table}. */
    String qualifiedTable() {
        return Names.qualified(schema, table);
    }

    /** A quoted name may itself contain " on ", so only the last one outside double quotes separates. */
    private static int lastOnOutsideQuotes(String identity) {
        int found = -1;
        boolean quoted = false;
        for (int i = 0; i < identity.length(); i++) {
            char c = identity.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && identity.startsWith(ON, i)) {
                found = i;
            }
        }
        return found;
    }
}
