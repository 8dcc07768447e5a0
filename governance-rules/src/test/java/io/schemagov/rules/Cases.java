package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** Table-driven test cases: a named input, and for firing cases the severity and message parts expected. */
final class Cases {

    private Cases() {
    }

    /** A case that must produce a finding of this severity whose message contains every fragment. */
    static <T> Arguments fires(String name, T input, Severity severity, String... fragments) {
        return Arguments.of(Named.of(name, input), severity, List.of(fragments));
    }

    /** A case that must produce no finding. */
    static <T> Named<T> silent(String name, T input) {
        return Named.of(name, input);
    }

    /** Asserts the finding belongs to the rule and carries the expected severity, message and remediation. */
    static void assertFinding(Finding finding, RuleInfo rule, Severity severity, List<String> fragments) {
        assertThat(finding.ruleId()).isEqualTo(rule.id());
        assertThat(finding.severity()).isEqualTo(severity);
        assertThat(finding.message()).contains(fragments);
        assertThat(finding.remediation()).isEqualTo(rule.remediation());
    }
}
