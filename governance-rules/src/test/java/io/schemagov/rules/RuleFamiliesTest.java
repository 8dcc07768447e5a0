package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleFamiliesTest {

    @Test
    void destructiveRulesAreChangeRules() {
        assertThat(DestructiveRules.all()).extracting(rule -> rule.info().id(), rule -> rule.info().scope(),
                rule -> rule.info().defaultSeverity()).containsExactly(
                tuple("schema-dropped", RuleScope.CHANGE, Severity.HIGH),
                tuple("table-truncated", RuleScope.CHANGE, Severity.HIGH),
                tuple("drop-cascade", RuleScope.CHANGE, Severity.HIGH),
                tuple("table-renamed", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("column-renamed", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("schema-renamed", RuleScope.CHANGE, Severity.HIGH),
                tuple("not-null-dropped", RuleScope.CHANGE, Severity.LOW),
                tuple("foreign-key-dropped", RuleScope.CHANGE, Severity.MEDIUM),
                tuple("type-narrowed", RuleScope.CHANGE, Severity.MEDIUM));
        assertThat(DestructiveRules.all()).allMatch(rule -> rule instanceof ChangeRule);
    }

    @Test
    void designRulesAreTableStateRules() {
        assertThat(DesignRules.all()).extracting(rule -> rule.info().id(), rule -> rule.info().defaultSeverity())
                .containsExactly(
                        tuple("primary-key-type", Severity.MEDIUM),
                        tuple("foreign-key-type-mismatch", Severity.MEDIUM),
                        tuple("on-delete-not-stated", Severity.LOW),
                        tuple("duplicate-index", Severity.MEDIUM),
                        tuple("redundant-index", Severity.LOW),
                        tuple("too-many-indexes", Severity.LOW),
                        tuple("invalid-index", Severity.HIGH),
                        tuple("audit-columns-missing", Severity.LOW),
                        tuple("name-not-snake-case", Severity.LOW),
                        tuple("identifier-length-limit", Severity.LOW),
                        tuple("reserved-word-name", Severity.LOW),
                        tuple("varchar-length-limit", Severity.INFO),
                        tuple("json-instead-of-jsonb", Severity.LOW),
                        tuple("money-or-float-for-amounts", Severity.MEDIUM),
                        tuple("enum-type-column", Severity.INFO),
                        tuple("all-columns-nullable", Severity.LOW),
                        tuple("repeating-column-group", Severity.LOW),
                        tuple("comma-separated-list-column", Severity.LOW),
                        tuple("polymorphic-association", Severity.MEDIUM),
                        tuple("tenant-table-without-rls", Severity.MEDIUM),
                        tuple("password-column-plaintext", Severity.HIGH),
                        tuple("soft-delete-without-partial-index", Severity.LOW),
                        tuple("unique-over-nullable-columns", Severity.LOW));
        assertThat(DesignRules.all()).allMatch(rule -> rule instanceof TableRule
                && rule.info().scope() == RuleScope.TABLE_STATE);
    }

    @Test
    void explainsEveryRuleAndSharesNoIdWithTheCatalog() {
        List<RuleInfo> infos = RuleCatalog.defaultRules().stream().map(Rule::info).toList();

        assertThat(infos).extracting(RuleInfo::id).doesNotHaveDuplicates();
        assertThat(infos).allSatisfy(rule -> {
            assertThat(rule.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.rationale()).hasSizeGreaterThan(80);
            assertThat(rule.remediation()).hasSizeGreaterThan(80);
        });
    }

    @Test
    void runInTheEngineAlongsideTheBuiltInRules() {
        RuleEngine engine = RuleEngine.withDefaults();
        TableSnapshot table = Tables.table("public.User").column("password", "text").column("phone1", "text")
                .column("phone2", "text").build();

        Evaluation evaluation = engine.evaluate(Events.baseline(table).build());

        assertThat(evaluation.findings()).extracting(Finding::ruleId).contains("password-column-plaintext",
                "repeating-column-group", "reserved-word-name", "name-not-snake-case", "all-columns-nullable")
                .doesNotContain(RuleEngine.RULE_FAILURE);
    }
}
