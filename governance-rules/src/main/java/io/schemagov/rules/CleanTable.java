package io.schemagov.rules;

import java.util.Objects;

/** Says a TABLE_STATE rule checked a table and found nothing (or the table is gone): its findings resolve. */
public record CleanTable(String ruleId, String schema, String table) {

    public CleanTable {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(table, "table");
    }
}
