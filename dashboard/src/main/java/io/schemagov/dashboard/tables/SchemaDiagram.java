package io.schemagov.dashboard.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An entity-relationship diagram of a schema, from the latest snapshot of each of its tables: tables with their
 * columns and keys, the foreign keys between them, and how many open findings each table has. Dropped tables are
 * left out. The page lays it out.
 */
record SchemaDiagram(List<Table> tables, List<ForeignKey> foreignKeys) {

    record Column(String name, String dataType, boolean notNull, boolean primaryKey, boolean foreignKey) {
    }

    record Table(String schema, String table, List<Column> columns, long estimatedRows, long openFindings) {
        String qualified() {
            return schema + "." + table;
        }
    }

    /** {@code referenced} is {@code schema.table}; it may lie outside the diagram (another schema). */
    record ForeignKey(String name, String table, List<String> columns, String referenced,
                      List<String> referencedColumns) {
    }

    static SchemaDiagram of(List<ObjectNode> latest, Map<String, Long> openFindings) {
        List<Table> tables = new ArrayList<>();
        List<ForeignKey> keys = new ArrayList<>();
        for (ObjectNode entry : latest) {
            JsonNode snapshot = entry.get("snapshot");
            if (!"snapshot".equals(entry.path("kind").asText()) || snapshot == null || !snapshot.isObject()) {
                continue;
            }
            String schema = entry.path("schema").asText();
            String table = entry.path("table").asText();
            Set<String> primary = new HashSet<>();
            Set<String> foreign = new HashSet<>();
            for (JsonNode constraint : snapshot.path("constraints")) {
                String type = constraint.path("type").asText();
                if ("PRIMARY_KEY".equals(type)) {
                    constraint.path("columns").forEach(c -> primary.add(c.asText()));
                } else if ("FOREIGN_KEY".equals(type)) {
                    constraint.path("columns").forEach(c -> foreign.add(c.asText()));
                    keys.add(new ForeignKey(constraint.path("name").asText(), schema + "." + table,
                            texts(constraint.path("columns")), constraint.path("referencedTable").asText(null),
                            texts(constraint.path("referencedColumns"))));
                }
            }
            List<Column> columns = new ArrayList<>();
            for (JsonNode column : snapshot.path("columns")) {
                String name = column.path("name").asText();
                columns.add(new Column(name, column.path("dataType").asText(), column.path("notNull").asBoolean(),
                        primary.contains(name), foreign.contains(name)));
            }
            tables.add(new Table(schema, table, columns, snapshot.path("estimatedRows").asLong(-1),
                    openFindings.getOrDefault(schema + "." + table, 0L)));
        }
        return new SchemaDiagram(tables, keys);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
