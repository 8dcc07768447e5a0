package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;

/**
 * A table a DDL command locked, described and graded the way the lock rules report it; a partitioned table's rows
 * sit in partitions the capture does not record, so its size counts as unknown, and unknown is not small.
 */
record LockedTable(TableSnapshot snapshot, TableSize size, boolean partitioned) {

    static LockedTable of(TableSnapshot snapshot) {
        return new LockedTable(snapshot, TableSize.of(snapshot), EventTables.isPartitioned(snapshot));
    }

    /** Whether the command had rows to scan, rewrite or wait for; a partitioned table may, through its partitions. */
    boolean mayHoldRows() {
        return size.holdsRows() || partitioned;
    }

    private boolean sizeUnknown() {
        return partitioned && !size.holdsRows();
    }

    /** Severity by size; MEDIUM when the rows sit in partitions whose size was not captured. */
    Severity severity(RuleSettings settings) {
        return sizeUnknown() ? Severity.MEDIUM : size.severity(settings);
    }

    /** Whether the table counts as large: from the large threshold on, or in partitions of unknown size. */
    boolean large(RuleSettings settings) {
        return sizeUnknown() || size.likelyRows() >= settings.largeTableRows();
    }

    /** e.g. {@code public.orders (≈12M rows, 3.1 GB)} or {@code public.events and all its partitions (...)}. */
    String describe() {
        return name() + (partitioned ? " and all its partitions" : "") + " ("
                + (sizeUnknown() ? "partition sizes not captured" : size.describe()) + ")";
    }

    /** The qualified name, e.g. {@code public.orders}. */
    String name() {
        return Names.of(snapshot);
    }

    String schema() {
        return snapshot.getSchemaName();
    }

    String table() {
        return snapshot.getTableName();
    }

    /** A finding about this table (or about {@code object} in its schema), at the given severity. */
    Finding finding(RuleInfo rule, Severity severity, String object, String message) {
        String qualified = object == null ? name() : Names.qualified(schema(), object);
        return rule.finding(severity, schema(), table(), qualified, message);
    }
}
