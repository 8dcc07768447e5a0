package io.schemagov.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Schema history as the analyzer writes it for one database: {@code customers} from the baseline, {@code orders}
 * created with a foreign key to it and then altered (a column added), and {@code scratch} created then dropped.
 */
final class SchemaHistoryFixtures {

    static final String DATABASE = "shop_views";

    private SchemaHistoryFixtures() {
    }

    /** Document id to document. */
    static Map<String, Map<String, Object>> all() {
        return all(DATABASE);
    }

    /** The same history for another database, so test classes sharing Elasticsearch do not see each other's. */
    static Map<String, Map<String, Object>> all(String database) {
        Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
        docs.put(database + "-h-customers-1", entry(database, "customers", "snapshot", "BASELINE", null, "2026-11-01T09:00:00Z", "0/100",
                snapshot(List.of(column("id", 1, "bigint", true), column("email", 2, "text", false)),
                        List.of(pk("customers_pkey")), 50_000)));
        docs.put(database + "-h-orders-1", entry(database, "orders", "snapshot", "CREATE TABLE",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers)",
                "2026-11-02T10:00:00Z", "0/200", snapshot(List.of(column("id", 1, "bigint", true),
                        column("customer_id", 2, "bigint", false)), List.of(pk("orders_pkey"), fk()), 0)));
        docs.put(database + "-h-orders-2", entry(database, "orders", "snapshot", "ALTER TABLE", "ALTER TABLE orders ADD COLUMN note text",
                "2026-11-03T10:00:00Z", "0/300", snapshot(List.of(column("id", 1, "bigint", true),
                        column("customer_id", 2, "bigint", false), column("note", 3, "text", false)),
                        List.of(pk("orders_pkey"), fk()), 10)));
        docs.put(database + "-h-scratch-1", entry(database, "scratch", "snapshot", "CREATE TABLE", "CREATE TABLE scratch (x int)",
                "2026-11-02T11:00:00Z", "0/250", snapshot(List.of(column("x", 1, "integer", false)), List.of(), 0)));
        docs.put(database + "-h-scratch-2", entry(database, "scratch", "dropped", "DROP TABLE", "DROP TABLE scratch",
                "2026-11-04T11:00:00Z", "0/400", null));
        return docs;
    }

    private static Map<String, Object> entry(String database, String table, String kind, String tag, String statement, String time,
            String position, Map<String, Object> snapshot) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("database", database);
        doc.put("sourceKind", "POSTGRESQL");
        doc.put("schema", "public");
        doc.put("table", table);
        doc.put("kind", kind);
        doc.put("commandTag", tag);
        doc.put("statement", statement);
        doc.put("actor", Map.of("role", "migrator"));
        doc.put("position", position);
        doc.put("eventTime", time);
        if (snapshot != null) {
            doc.put("estimatedRows", snapshot.get("estimatedRows"));
            doc.put("totalBytes", snapshot.get("totalBytes"));
            doc.put("snapshot", snapshot);
        }
        return doc;
    }

    private static Map<String, Object> snapshot(List<Map<String, Object>> columns, List<Map<String, Object>> constraints,
            long rows) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("kind", "table");
        snapshot.put("columns", columns);
        snapshot.put("constraints", constraints);
        snapshot.put("indexes", List.of());
        snapshot.put("estimatedRows", rows);
        snapshot.put("totalBytes", rows * 100 + 8192);
        snapshot.put("rowSecurity", false);
        return snapshot;
    }

    private static Map<String, Object> column(String name, int position, String type, boolean notNull) {
        return Map.of("name", name, "position", position, "dataType", type, "notNull", notNull);
    }

    private static Map<String, Object> pk(String name) {
        return Map.of("name", name, "type", "PRIMARY_KEY", "definition", "PRIMARY KEY (id)", "columns", List.of("id"));
    }

    private static Map<String, Object> fk() {
        return Map.of("name", "orders_customer_id_fkey", "type", "FOREIGN_KEY",
                "definition", "FOREIGN KEY (customer_id) REFERENCES customers(id)", "columns", List.of("customer_id"),
                "referencedTable", "public.customers", "referencedColumns", List.of("id"));
    }
}
