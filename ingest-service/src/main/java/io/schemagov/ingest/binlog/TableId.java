package io.schemagov.ingest.binlog;

/** A MariaDB/MySQL table as Debezium names it in schema changes: {@code "database"."table"}. */
record TableId(String schema, String table) {

    static TableId parse(String id) {
        String text = id.strip();
        if (text.startsWith("\"") && text.endsWith("\"")) {
            int split = text.indexOf("\".\"");
            if (split > 0) {
                return new TableId(text.substring(1, split), text.substring(split + 3, text.length() - 1));
            }
        }
        int dot = text.indexOf('.');
        return dot < 0 ? new TableId("", text) : new TableId(text.substring(0, dot), text.substring(dot + 1));
    }

    String qualified() {
        return schema + "." + table;
    }
}
