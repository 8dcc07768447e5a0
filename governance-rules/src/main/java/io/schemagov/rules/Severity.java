package io.schemagov.rules;

/** How urgently a finding needs a human, from purely informative to "production is at risk now". */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** 0 for INFO up to 4 for CRITICAL, so callers can compare and threshold without relying on ordinal(). */
    public int rank() {
        return ordinal();
    }
}
