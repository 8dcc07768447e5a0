package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;

/**
 * How big a table is, as far as the catalog knows, and how that translates into severity and into
 * text such as {@code ≈12M rows, 3.1 GB}.
 *
 * @param estimatedRows the planner's estimate; negative when the table was never analysed
 * @param sizeBytes     the size of the table's heap on disk
 */
record TableSize(long estimatedRows, long sizeBytes) {

    /** A rough average row width used only when the planner has no estimate; real rows vary widely. */
    static final long BYTES_PER_ROW_GUESS = 100;

    private static final String[] ROW_UNITS = {"", "k", "M", "B", "T"};
    private static final String[] BYTE_UNITS = {"bytes", "kB", "MB", "GB", "TB", "PB"};

    static TableSize of(TableSnapshot table) {
        return new TableSize(table.getEstimatedRows(), table.getSizeBytes());
    }

    /** False only when both the estimate and the heap say the table is empty (a new table has neither). */
    boolean holdsRows() {
        return estimatedRows > 0 || sizeBytes > 0;
    }

    /** The estimate when there is one, otherwise a guess from the heap size. */
    long likelyRows() {
        if (estimatedRows > 0) {
            return estimatedRows;
        }
        return sizeBytes > 0 ? Math.max(1, sizeBytes / BYTES_PER_ROW_GUESS) : 0;
    }

    /** LOW below the small threshold, MEDIUM below large, HIGH below huge, CRITICAL from huge on. */
    Severity severity(RuleSettings settings) {
        long rows = likelyRows();
        if (rows < settings.smallTableRows()) {
            return Severity.LOW;
        }
        if (rows < settings.largeTableRows()) {
            return Severity.MEDIUM;
        }
        return rows < settings.hugeTableRows() ? Severity.HIGH : Severity.CRITICAL;
    }

    /** E.g. {@code ≈12M rows, 3.1 GB} or {@code rows unknown, 8 kB}. */
    String describe() {
        return describe(new StringBuilder(32)).toString();
    }

    /** {@link #describe()} written into a message being built, without a string of its own. */
    StringBuilder describe(StringBuilder to) {
        if (estimatedRows < 0) {
            to.append("rows unknown");
        } else {
            scaled(to.append('≈'), estimatedRows, 1000, ROW_UNITS, "").append(estimatedRows == 1 ? " row" : " rows");
        }
        to.append(", ");
        return sizeBytes < 0 ? to.append("size unknown") : scaled(to, sizeBytes, 1024, BYTE_UNITS, " ");
    }

    /** {@code ≈850 rows}, {@code ≈12M rows}, or {@code rows unknown} for a negative estimate. */
    static String rows(long rows) {
        if (rows < 0) {
            return "rows unknown";
        }
        StringBuilder text = scaled(new StringBuilder(16).append('≈'), rows, 1000, ROW_UNITS, "");
        return text.append(rows == 1 ? " row" : " rows").toString();
    }

    /** Like PostgreSQL's pg_size_pretty (powers of 1024): {@code 512 bytes}, {@code 64 kB}, {@code 3.1 GB}. */
    static String bytes(long bytes) {
        if (bytes < 0) {
            return "size unknown";
        }
        return scaled(new StringBuilder(16), bytes, 1024, BYTE_UNITS, " ").toString();
    }

    /**
     * Scales a count into the largest unit that keeps it at or above 1; one decimal below 10 so small
     * values keep their precision, none from 10 on where the decimal is noise.
     */
    private static StringBuilder scaled(StringBuilder to, long value, int base, String[] units, String separator) {
        if (value < base) {
            return to.append(value).append(separator).append(units[0]);
        }
        double scaled = value;
        int unit = 0;
        while (unit < units.length - 1 && Math.round(scaled) >= base) {
            scaled /= base;
            unit++;
        }
        long tenths = Math.round(scaled * 10);
        if (tenths < 100) {
            // By hand, not String.format: messages are built for every finding, and formatting dominated the cost.
            to.append(tenths / 10);
            (tenths % 10 == 0 ? to : to.append('.').append(tenths % 10)).append(separator).append(units[unit]);
            return to;
        }
        return to.append(Math.round(scaled)).append(separator).append(units[unit]);
    }
}
