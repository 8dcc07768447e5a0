package io.schemagov.dashboard.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed in a table between two of its snapshots: columns, constraints and indexes added, removed or changed
 * (matched by name), and the table's own attributes. Pure, so every case is unit-tested.
 */
final class SnapshotDiff {

    /** One difference; {@code before} and {@code after} are the element as stored (null when absent). */
    record Change(String part, String name, String change, JsonNode before, JsonNode after) {
    }

    private static final List<String> PARTS = List.of("columns", "constraints", "indexes");
    /** Table-wide properties; engine and collation exist for MariaDB/MySQL tables only. */
    private static final List<String> TABLE_FIELDS = List.of("kind", "rowSecurity", "engine", "collation");

    private SnapshotDiff() {
    }

    /** Differences from {@code before} to {@code after}; a missing snapshot (a dropped table) counts as empty. */
    static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        for (String part : PARTS) {
            diffPart(part, byName(before, part), byName(after, part), changes);
        }
        for (String field : TABLE_FIELDS) {
            JsonNode b = field(before, field);
            JsonNode a = field(after, field);
            if (!Objects.equals(b, a)) {
                changes.add(new Change("table", field, "changed", b, a));
            }
        }
        return changes;
    }

    /** The field's value; a missing snapshot, a missing field and an explicit null are all the same nothing. */
    private static JsonNode field(JsonNode snapshot, String field) {
        JsonNode value = snapshot == null ? null : snapshot.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static void diffPart(String part, Map<String, JsonNode> before, Map<String, JsonNode> after,
            List<Change> changes) {
        String singular = part.substring(0, part.length() - (part.equals("indexes") ? 2 : 1));
        before.forEach((name, old) -> {
            JsonNode now = after.get(name);
            if (now == null) {
                changes.add(new Change(singular, name, "removed", old, null));
            } else if (!comparable(old).equals(comparable(now))) {
                changes.add(new Change(singular, name, "changed", old, now));
            }
        });
        after.forEach((name, now) -> {
            if (!before.containsKey(name)) {
                changes.add(new Change(singular, name, "added", null, now));
            }
        });
    }

    /** A column's position shifts when an earlier one is dropped; that alone is no change of the column. */
    private static JsonNode comparable(JsonNode element) {
        if (element instanceof ObjectNode object && object.has("position")) {
            ObjectNode copy = object.deepCopy();
            copy.remove("position");
            return copy;
        }
        return element;
    }

    private static Map<String, JsonNode> byName(JsonNode snapshot, String part) {
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        JsonNode array = snapshot == null ? null : snapshot.get(part);
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                elements.put(element.path("name").asText(), element);
            }
        }
        return elements;
    }

}
