package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableSizeTest {

    private static final long GB = 1024L * 1024 * 1024;

    @ParameterizedTest(name = "{0} rows -> {1}")
    @CsvSource({
        "-1, rows unknown",
        "0, ≈0 rows",
        "1, ≈1 row",
        "850, ≈850 rows",
        "999, ≈999 rows",
        "1000, ≈1k rows",
        "1250, ≈1.3k rows",
        "12345, ≈12k rows",
        "999950, ≈1M rows",
        "2500000, ≈2.5M rows",
        "12000000, ≈12M rows",
        "3400000000, ≈3.4B rows"})
    void formatsRowCountsCompactly(long rows, String expected) {
        assertThat(TableSize.rows(rows)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource({
        "-1, size unknown",
        "0, 0 bytes",
        "512, 512 bytes",
        "8192, 8 kB",
        "1536, 1.5 kB",
        "65536, 64 kB",
        "1048064, 1 MB",
        "400000000, 381 MB",
        "3328599654, 3.1 GB",
        "1099511627776, 1 TB"})
    void formatsBytesLikePgSizePretty(long bytes, String expected) {
        assertThat(TableSize.bytes(bytes)).isEqualTo(expected);
    }

    @Test
    void describesRowsAndSizeTogether() {
        assertThat(new TableSize(12_000_000, (long) (3.1 * GB)).describe()).isEqualTo("≈12M rows, 3.1 GB");
        assertThat(new TableSize(850, 65_536).describe()).isEqualTo("≈850 rows, 64 kB");
        assertThat(new TableSize(-1, 8192).describe()).isEqualTo("rows unknown, 8 kB");
    }

    @ParameterizedTest(name = "{0} rows, {1} bytes -> {2}")
    @CsvSource({
        "0, 0, LOW",
        "9999, 1000000, LOW",
        "10000, 1000000, MEDIUM",
        "999999, 1000000, MEDIUM",
        "1000000, 1000000, HIGH",
        "9999999, 1000000, HIGH",
        "10000000, 1000000, CRITICAL",
        "-1, 8192, LOW",
        "-1, 1000000, MEDIUM",
        "-1, 100000000, HIGH",
        "-1, 2000000000, CRITICAL",
        "0, 2000000000, CRITICAL"})
    void scalesSeverityWithRowsOrElseHeapSize(long rows, long bytes, Severity expected) {
        assertThat(new TableSize(rows, bytes).severity(RuleSettings.defaults())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} rows, {1} bytes -> {2}")
    @CsvSource({
        "-1, 0, false",
        "0, 0, false",
        "-1, 8192, true",
        "0, 8192, true",
        "5, 0, true"})
    void holdsRowsUnlessEstimateAndHeapAreBothEmpty(long rows, long bytes, boolean expected) {
        assertThat(new TableSize(rows, bytes).holdsRows()).isEqualTo(expected);
    }
}
