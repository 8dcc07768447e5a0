package io.schemagov.rules;

import java.util.Objects;

/**
 * One problem a rule found.
 *
 * @param table  the unqualified table name, or null when the finding is not about a table
 * @param object the qualified object the finding is about, e.g. {@code public.orders} or
 *               {@code public.orders_customer_idx}
 */
public record Finding(String ruleId, Severity severity, String schema, String table, String object, String message,
        String remediation) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
