package io.schemagov.rules;

import java.util.List;

/**
 * The settings of the rules that take one beyond size thresholds.
 *
 * @param auditColumns       the columns every table must have ({@code audit-columns-missing})
 * @param maxIndexesPerTable the most indexes a table may have without a finding ({@code too-many-indexes})
 */
public record RuleOptions(List<String> auditColumns, int maxIndexesPerTable) {

    public RuleOptions {
        auditColumns = List.copyOf(auditColumns);
        if (auditColumns.isEmpty()) {
            throw new IllegalArgumentException("auditColumns: name at least one column");
        }
        if (maxIndexesPerTable < 1) {
            throw new IllegalArgumentException("maxIndexesPerTable must be at least 1, got " + maxIndexesPerTable);
        }
    }

    /** created_at and updated_at; 10 indexes. */
    public static RuleOptions defaults() {
        return new RuleOptions(AuditColumnsMissingRule.DEFAULT_COLUMNS, TooManyIndexesRule.DEFAULT_LIMIT);
    }
}
