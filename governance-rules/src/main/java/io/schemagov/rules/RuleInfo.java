package io.schemagov.rules;

import java.util.Objects;

/**
 * The description of a rule shown to people: what it checks, why it matters and how to fix what it finds.
 *
 * @param example SQL that makes the rule fire, as the rule reference shows it
 * @param fix     SQL that does the same job without making the rule fire; {@code RuleExamplesTest} proves both
 */
public record RuleInfo(String id, String title, Severity defaultSeverity, RuleScope scope, String rationale,
        String remediation, String example, String fix) {

    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(remediation, "remediation");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(fix, "fix");
    }

    /** A finding of this rule at its default severity, carrying its remediation. */
    Finding finding(String schema, String table, String object, String message) {
        return finding(defaultSeverity, schema, table, object, message);
    }

    /** A finding of this rule at the given severity, carrying its remediation. */
    Finding finding(Severity severity, String schema, String table, String object, String message) {
        return new Finding(id, severity, schema, table, object, message, remediation);
    }
}
