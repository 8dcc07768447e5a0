package io.schemagov.rules;

/**
 * The row counts at which a table counts as small, large or huge; rules scale severity with them.
 *
 * @param smallTableRows below this, blocking the table is brief enough to be a low risk
 * @param largeTableRows from this on, locks and scans on the table hurt production
 * @param hugeTableRows  from this on, a blocking operation is an outage
 */
public record RuleSettings(long smallTableRows, long largeTableRows, long hugeTableRows) {

    public RuleSettings {
        if (smallTableRows < 0 || smallTableRows > largeTableRows || largeTableRows > hugeTableRows) {
            throw new IllegalArgumentException("need 0 <= smallTableRows <= largeTableRows <= hugeTableRows, got "
                    + smallTableRows + ", " + largeTableRows + ", " + hugeTableRows);
        }
    }

    /** 10 thousand, 1 million and 10 million rows. */
    public static RuleSettings defaults() {
        return new RuleSettings(10_000, 1_000_000, 10_000_000);
    }
}
