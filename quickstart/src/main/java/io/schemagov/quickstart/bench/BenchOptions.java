package io.schemagov.quickstart.bench;

import java.util.Locale;
import java.util.Set;

/**
 * What the benchmark runs, read from system properties so that {@code exec:java} can pass
 * them with {@code -D}.
 */
record BenchOptions(int ddls, int warmupDdls, int warmupRows, int rows, int batchSize, int pollMillis, String synchronousCommit,
                    int alertQuietMillis) {

    static final String DDLS = "schemagov.bench.ddls";
    static final String WARMUP = "schemagov.bench.warmup";
    static final String WARMUP_ROWS = "schemagov.bench.warmup-rows";
    static final String ROWS = "schemagov.bench.rows";
    static final String BATCH = "schemagov.bench.batch";
    static final String POLL = "schemagov.bench.poll-ms";
    static final String SYNCHRONOUS_COMMIT = "schemagov.bench.synchronous-commit";
    static final String ALERT_QUIET = "schemagov.bench.alert-quiet-ms";
    /** The analyzer's default {@code schemagov.analyzer.alerts.group-quiet}. */
    static final int DEFAULT_ALERT_QUIET_MILLIS = 50;
    private static final Set<String> SYNCHRONOUS_COMMIT_VALUES = Set.of("on", "off", "local", "remote_write", "remote_apply");

    static BenchOptions fromSystemProperties() {
        return new BenchOptions(
                read(DDLS, 200, 1),
                read(WARMUP, 20, 0),
                read(WARMUP_ROWS, 200_000, 0),
                read(ROWS, 200_000, 1),
                read(BATCH, 10_000, 1),
                read(POLL, 10, 1),
                readSynchronousCommit(),
                read(ALERT_QUIET, DEFAULT_ALERT_QUIET_MILLIS, 0));
    }

    /** Null keeps the server's setting (the dev stack runs PostgreSQL's default, on). */
    private static String readSynchronousCommit() {
        String value = System.getProperty(SYNCHRONOUS_COMMIT, "").trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        if (!SYNCHRONOUS_COMMIT_VALUES.contains(value)) {
            throw new IllegalArgumentException("-D" + SYNCHRONOUS_COMMIT + " must be one of " + SYNCHRONOUS_COMMIT_VALUES
                    + ", not '" + value + "'");
        }
        return value;
    }

    /** Fails on a value that is not a number, rather than silently running the default. */
    private static int read(String name, int defaultValue, int minimum) {
        String text = System.getProperty(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim().replace("_", ""));
            if (value < minimum) {
                throw new IllegalArgumentException("-D" + name + " must be at least " + minimum + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + " must be a whole number, not '" + text + "'", e);
        }
    }
}
