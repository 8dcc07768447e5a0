package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    private final List<RuleInfo> rules = RuleCatalog.defaultRules().stream().map(Rule::info).toList();

    @Test
    void containsEveryBuiltInRuleWithItsScopeAndSeverity() {
        assertThat(rules).extracting(RuleInfo::id, RuleInfo::scope, RuleInfo::defaultSeverity).containsSubsequence(
                tuple("table-dropped", RuleScope.CHANGE, Severity.HIGH),
                tuple("column-dropped", RuleScope.CHANGE, Severity.HIGH),
                tuple("table-rewrite", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("index-without-concurrently", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("index-dropped-without-concurrently", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("concurrently-in-transaction", RuleScope.CHANGE, Severity.HIGH),
                tuple("capture-incomplete", RuleScope.CHANGE, Severity.INFO),
                tuple("primary-key-missing", RuleScope.TABLE_STATE, Severity.HIGH),
                tuple("foreign-key-without-index", RuleScope.TABLE_STATE, Severity.MEDIUM),
                tuple("timestamp-without-time-zone", RuleScope.TABLE_STATE, Severity.LOW));
    }

    @Test
    void includesEveryRuleFamilyOnceWithUniqueIds() {
        List<String> families = new java.util.ArrayList<>();
        for (List<Rule> family : List.of(LockRules.all(), DestructiveRules.all(), DesignRules.all(),
                MysqlRules.changeRules(), MysqlRules.tableRules())) {
            family.forEach(rule -> families.add(rule.info().id()));
        }
        assertThat(rules).extracting(RuleInfo::id).containsAll(families).doesNotHaveDuplicates();
        assertThat(rules).hasSize(70);
    }

    @Test
    void listsChangeRulesBeforeTableStateRules() {
        int lastChange = -1;
        int firstState = rules.size();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).scope() == RuleScope.CHANGE) {
                lastChange = i;
            } else {
                firstState = Math.min(firstState, i);
            }
        }
        assertThat(lastChange).isLessThan(firstState);
    }

    @Test
    void declaresScopeMatchingTheRuleKind() {
        assertThat(RuleCatalog.defaultRules()).allSatisfy(rule -> assertThat(rule.info().scope())
                .isEqualTo(rule instanceof ChangeRule ? RuleScope.CHANGE : RuleScope.TABLE_STATE));
    }

    @Test
    void explainsEveryRule() {
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.rationale()).hasSizeGreaterThan(80);
            assertThat(rule.remediation()).hasSizeGreaterThan(80);
            assertThat(rule.example()).isNotBlank().isNotEqualTo(rule.fix());
            assertThat(rule.fix()).isNotBlank();
        });
    }

    @Test
    void ranksSeveritiesFromInfoToCritical() {
        assertThat(Severity.INFO.rank()).isZero();
        assertThat(Severity.CRITICAL.rank()).isEqualTo(4);
        assertThat(Severity.HIGH.rank()).isGreaterThan(Severity.MEDIUM.rank());
    }
}
