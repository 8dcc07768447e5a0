package io.schemagov.rules;

import static io.schemagov.rules.Events.ddl;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import io.schemagov.rules.config.RulesFile;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules file's decisions as the engine applies them (the events are dated 2025-01-15, database "shop"). */
class RulePolicyTest {

    private static TableSnapshot orders(long rows) {
        return table("public.orders").column("id", "bigint").column("created_at", "timestamp with time zone")
                .column("updated_at", "timestamp with time zone").primaryKey("id").size(rows, rows * 100).build();
    }

    private static SchemaChangeEvent createIndex(long rows, String comment) {
        return ddl("CREATE INDEX", "public.orders_created_idx",
                "CREATE INDEX orders_created_idx ON orders (created_at)" + comment).tables(orders(rows)).build();
    }

    private static Evaluation evaluate(String yaml, SchemaChangeEvent event) {
        return RulesFile.parse("rules.yml", yaml).engine("rules.yml", RuleSettings.defaults()).evaluate(event);
    }

    private static Finding only(Evaluation evaluation, String ruleId) {
        return evaluation.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void withoutAFileEveryRuleRunsAsShipped() {
        Finding finding = only(evaluate("", createIndex(12_000_000, "")), IndexWithoutConcurrentlyRule.ID);

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.suppressed()).isFalse();
    }

    @Test
    void aDisabledRuleDoesNotRunAndIsNotListed() {
        String yaml = "rules:\n  index-without-concurrently:\n    enabled: false\n";
        RuleEngine engine = RulesFile.parse("rules.yml", yaml).engine("rules.yml", RuleSettings.defaults());

        assertThat(engine.evaluate(createIndex(12_000_000, "")).findings()).extracting(Finding::ruleId)
                .doesNotContain(IndexWithoutConcurrentlyRule.ID);
        assertThat(engine.rules()).extracting(RuleInfo::id).doesNotContain(IndexWithoutConcurrentlyRule.ID)
                .contains(PrimaryKeyMissingRule.ID);
    }

    @Test
    void anOverriddenSeverityReplacesTheRulesJudgement() {
        String yaml = "rules:\n  index-without-concurrently:\n    severity: low\n";

        assertThat(only(evaluate(yaml, createIndex(12_000_000, "")), IndexWithoutConcurrentlyRule.ID).severity())
                .isEqualTo(Severity.LOW);
    }

    @Test
    void thresholdsApplyToEveryRuleAndPerRuleThresholdsToOneRule() {
        SchemaChangeEvent event = createIndex(200_000, "");
        String general = "thresholds:\n  large-table-rows: 100000\n";
        String perRule = "rules:\n  index-without-concurrently:\n    thresholds:\n      huge-table-rows: 150000\n"
                + "      large-table-rows: 100000\n";

        assertThat(only(evaluate("", event), IndexWithoutConcurrentlyRule.ID).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(only(evaluate(general, event), IndexWithoutConcurrentlyRule.ID).severity())
                .isEqualTo(Severity.HIGH);
        assertThat(only(evaluate(perRule, event), IndexWithoutConcurrentlyRule.ID).severity())
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void ruleOptionsChangeWhatTheRuleRequires() {
        String yaml = "rules:\n  audit-columns-missing:\n    columns: [created_at, updated_at, created_by]\n";

        assertThat(only(evaluate(yaml, createIndex(10, "")), AuditColumnsMissingRule.ID).message())
                .contains("lacks the audit column created_by");
    }

    @Test
    void aSuppressedFindingIsKeptAndMarkedWithWhoWhyAndUntilWhen() {
        String yaml = """
                suppressions:
                  - rule: index-without-concurrently
                    object: public.orders
                    reason: orders is loaded at night, nobody writes then
                    author: dba@example.com
                    expires: 2025-01-15
                """;

        Finding finding = only(evaluate(yaml, createIndex(12_000_000, "")), IndexWithoutConcurrentlyRule.ID);

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.suppression()).isEqualTo(new Suppression(Suppression.Source.CONFIG, "dba@example.com",
                "orders is loaded at night, nobody writes then", LocalDate.parse("2025-01-15")));
    }

    @Test
    void aSuppressionMatchesByGlobAndDatabaseAndLapsesAfterItsExpiry() {
        String entry = "suppressions:\n  - rule: index-without-concurrently\n    object: %s\n    reason: r\n"
                + "    author: a\n%s";
        SchemaChangeEvent event = createIndex(12_000_000, "");

        assertThat(only(evaluate(entry.formatted("public.*", ""), event), IndexWithoutConcurrentlyRule.ID).suppressed())
                .isTrue();
        assertThat(only(evaluate(entry.formatted("public.*", "    database: shop\n"), event),
                IndexWithoutConcurrentlyRule.ID).suppressed()).isTrue();
        assertThat(only(evaluate(entry.formatted("public.*", "    database: billing\n"), event),
                IndexWithoutConcurrentlyRule.ID).suppressed()).isFalse();
        assertThat(only(evaluate(entry.formatted("audit.*", ""), event), IndexWithoutConcurrentlyRule.ID).suppressed())
                .isFalse();
        assertThat(only(evaluate(entry.formatted("public.orders", "    expires: 2025-01-14\n"), event),
                IndexWithoutConcurrentlyRule.ID).suppressed()).isFalse();
    }

    @Test
    void anInlineCommentSuppressesWithItsReasonAttributedToTheRole() {
        SchemaChangeEvent event = createIndex(12_000_000,
                " -- schemagov:ignore index-without-concurrently table is not live yet");

        Finding finding = only(evaluate("", event), IndexWithoutConcurrentlyRule.ID);

        assertThat(finding.suppression()).isEqualTo(
                new Suppression(Suppression.Source.INLINE, "app", "table is not live yet", null));
    }

    @Test
    void aMalformedInlineCommentIsReportedAndSuppressesNothing() {
        SchemaChangeEvent event = createIndex(12_000_000, " -- schemagov:ignore index-without-concurrently");

        Evaluation evaluation = evaluate("", event);

        assertThat(evaluation.findings()).extracting(Finding::ruleId, Finding::suppressed).contains(
                tuple(IndexWithoutConcurrentlyRule.ID, false), tuple(RuleEngine.INVALID_SUPPRESSION, false));
        assertThat(only(evaluation, RuleEngine.INVALID_SUPPRESSION).message()).contains("gives no reason");
    }

    @Test
    void aPolicyNamingAnUnknownRuleIsRefused() {
        RulePolicy policy = new RulePolicy(java.util.Map.of("no-such-rule",
                new RulePolicy.RuleOverride(false, null, null)), List.of());

        assertThatThrownBy(() -> new RuleEngine(List.of(new PrimaryKeyMissingRule()), RuleSettings.defaults(), policy))
                .hasMessageContaining("unknown rule no-such-rule");
    }
}
