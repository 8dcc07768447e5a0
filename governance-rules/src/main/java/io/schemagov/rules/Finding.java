package io.schemagov.rules;

import java.util.Objects;

/**
 * One problem a rule found.
 *
 * @param table       the unqualified table name, or null when the finding is not about a table
 * @param object      the qualified object the finding is about, e.g. {@code public.orders} or
 *                    {@code public.orders_customer_idx}
 * @param suppression why people chose to accept this finding, or null when it is open; a suppressed finding is
 *                    still reported, marked, so that nothing disappears without a trace
 */
public record Finding(String ruleId, Severity severity, String schema, String table, String object, String message,
        String remediation, Suppression suppression) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** An open (not suppressed) finding. */
    public Finding(String ruleId, Severity severity, String schema, String table, String object, String message,
            String remediation) {
        this(ruleId, severity, schema, table, object, message, remediation, null);
    }

    public boolean suppressed() {
        return suppression != null;
    }

    Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, schema, table, object, message, remediation, suppression);
    }

    Finding withSuppression(Suppression newSuppression) {
        return new Finding(ruleId, severity, schema, table, object, message, remediation, newSuppression);
    }
}
