package io.schemagov.quickstart.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Percentiles of a set of latencies, by the nearest-rank method, in milliseconds. */
record LatencySummary(int count, double p50, double p90, double p99, double max) {

    static LatencySummary of(List<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("no latencies measured");
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                millis(sorted[sorted.length - 1]));
    }

    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return millis(sorted[Math.max(0, rank - 1)]);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", count, p50, p90, p99, max);
    }
}
