package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class LockRulesTest {

    private final List<RuleInfo> rules = LockRules.all().stream().map(Rule::info).toList();

    @Test
    void listsEveryLockRuleWithItsSeverity() {
        assertThat(rules).extracting(RuleInfo::id, RuleInfo::scope, RuleInfo::defaultSeverity).containsExactly(
                tuple("constraint-without-not-valid", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("validate-in-same-transaction", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("set-not-null-scans-table", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("unique-or-primary-key-without-using-index", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("exclusion-constraint-added", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("column-type-change-rewrites", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("volatile-default-rewrites", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("identity-or-serial-added", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("not-null-column-without-default", RuleScope.CHANGE, Severity.LOW),
                tuple("lock-without-lock-timeout", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("no-statement-timeout", RuleScope.CHANGE, Severity.LOW),
                tuple("detach-partition-without-concurrently", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("enum-value-changed", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("reindex-without-concurrently", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("vacuum-full-or-cluster", RuleScope.CHANGE, Severity.HIGH));
    }

    @Test
    void areChangeRulesThatExplainThemselves() {
        assertThat(LockRules.all()).allSatisfy(rule -> assertThat(rule).isInstanceOf(ChangeRule.class));
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.rationale()).hasSizeGreaterThan(80);
            assertThat(rule.remediation()).hasSizeGreaterThan(80);
        });
    }

    @Test
    void runInTheEngineNextToTheDefaultRules() {
        RuleEngine engine = RuleEngine.withDefaults();

        Evaluation evaluation = engine.evaluate(LockFixtures.session(LockFixtures.alterOrders(
                "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0)", LockFixtures.huge()),
                0L, 0L, false));

        assertThat(evaluation.findings()).extracting(Finding::ruleId).contains("constraint-without-not-valid",
                "lock-without-lock-timeout", "no-statement-timeout").doesNotContain(RuleEngine.RULE_FAILURE);
    }
}
