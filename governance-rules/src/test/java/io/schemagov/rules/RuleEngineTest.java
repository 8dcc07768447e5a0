package io.schemagov.rules;

import static io.schemagov.rules.Events.ddl;
import static io.schemagov.rules.Tables.GB;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private static final List<String> STATE_RULES = List.of(PrimaryKeyMissingRule.ID, ForeignKeyWithoutIndexRule.ID,
            TimestampWithoutTimeZoneRule.ID);

    /** The engine's behaviour is tested on a fixed set of rules, independent of how the catalogue grows. */
    private static final List<Rule> RULES = List.of(new TableDroppedRule(), new ColumnDroppedRule(), new TableRewriteRule(),
            new IndexWithoutConcurrentlyRule(), new IndexDroppedWithoutConcurrentlyRule(), new CaptureIncompleteRule(),
            new PrimaryKeyMissingRule(), new ForeignKeyWithoutIndexRule(), new TimestampWithoutTimeZoneRule());

    private final RuleEngine engine = new RuleEngine(RULES, RuleSettings.defaults());

    /** A huge table with no primary key: a CREATE INDEX on it trips both a change and a state rule. */
    private static TableSnapshot hugeOrders() {
        return table("public.orders").column("id", "bigint").column("created_at", "timestamp with time zone")
                .index("orders_customer_idx", "customer_id").size(12_000_000, 3 * GB).build();
    }

    @Test
    void runsChangeAndStateRulesOnDdl() {
        SchemaChangeEvent event = ddl("CREATE INDEX", "public.orders_customer_idx",
                "CREATE INDEX orders_customer_idx ON orders (customer_id)").tables(hugeOrders()).build();

        Evaluation evaluation = engine.evaluate(event);

        assertThat(evaluation.findings()).extracting(Finding::ruleId, Finding::severity).containsExactly(
                tuple(IndexWithoutConcurrentlyRule.ID, Severity.CRITICAL),
                tuple(PrimaryKeyMissingRule.ID, Severity.HIGH));
        assertThat(evaluation.clean()).containsExactly(
                new CleanTable(ForeignKeyWithoutIndexRule.ID, "public", "orders"),
                new CleanTable(TimestampWithoutTimeZoneRule.ID, "public", "orders"));
    }

    @Test
    void skipsChangeRulesOnBaseline() {
        SchemaChangeEvent baseline = Events.baseline(hugeOrders()).rewrite("public.orders", "ALTER COLUMN TYPE")
                .dropped("table column", "public.orders.note", true).build();

        Evaluation evaluation = engine.evaluate(baseline);

        assertThat(evaluation.findings()).extracting(Finding::ruleId).containsExactly(PrimaryKeyMissingRule.ID);
    }

    @Test
    void reportsIncompleteCaptureEvenOnBaseline() {
        SchemaChangeEvent baseline = Events.baseline(hugeOrders()).captureError("permission denied").build();

        assertThat(engine.evaluate(baseline).findings()).extracting(Finding::ruleId)
                .containsExactly(CaptureIncompleteRule.ID, PrimaryKeyMissingRule.ID);
    }

    @Test
    void reportsEveryStateRuleCleanForAHealthyTable() {
        TableSnapshot healthy = table("public.customers").column("id", "bigint", true).primaryKey("id").build();

        Evaluation evaluation = engine.evaluate(Events.baseline(healthy).build());

        assertThat(evaluation.findings()).isEmpty();
        assertThat(evaluation.clean()).extracting(CleanTable::ruleId).containsExactlyElementsOf(STATE_RULES);
        assertThat(evaluation.clean()).allSatisfy(clean -> {
            assertThat(clean.schema()).isEqualTo("public");
            assertThat(clean.table()).isEqualTo("customers");
        });
    }

    @Test
    void resolvesEveryStateRuleForADroppedTable() {
        SchemaChangeEvent drop = ddl("DROP TABLE", null, "DROP TABLE orders, metrics")
                .dropped("table", "public.orders", true).dropped("partitioned table", "public.metrics", true)
                .dropped("index", "public.orders_pkey", false).build();

        Evaluation evaluation = engine.evaluate(drop);

        assertThat(evaluation.findings()).extracting(Finding::ruleId)
                .containsExactly(TableDroppedRule.ID, TableDroppedRule.ID);
        assertThat(evaluation.clean()).hasSize(2 * STATE_RULES.size())
                .extracting(CleanTable::ruleId, CleanTable::schema, CleanTable::table)
                .contains(tuple(PrimaryKeyMissingRule.ID, "public", "orders"),
                        tuple(TimestampWithoutTimeZoneRule.ID, "public", "metrics"));
    }

    @Test
    void turnsAThrowingRuleIntoAFindingAndRunsTheOthers() {
        RuleEngine withBrokenRules = new RuleEngine(List.of(new ThrowingChangeRule(), new ThrowingTableRule(),
                new PrimaryKeyMissingRule(), new TableDroppedRule()), RuleSettings.defaults());
        SchemaChangeEvent event = ddl("ALTER TABLE", "public.orders", "ALTER TABLE orders ADD note text")
                .tables(hugeOrders()).build();

        Evaluation evaluation = withBrokenRules.evaluate(event);

        assertThat(evaluation.findings()).extracting(Finding::ruleId, Finding::severity).containsExactly(
                tuple(RuleEngine.RULE_FAILURE, Severity.LOW),
                tuple(RuleEngine.RULE_FAILURE, Severity.LOW),
                tuple(PrimaryKeyMissingRule.ID, Severity.HIGH));
        assertThat(evaluation.findings().get(0).message())
                .contains("Rule broken-change failed on ALTER TABLE public.orders",
                        "IllegalStateException: catalog drift");
        assertThat(evaluation.findings().get(1).message())
                .contains("Rule broken-table failed on public.orders", "NullPointerException");
        assertThat(evaluation.findings().get(1).table()).isEqualTo("orders");
        // The failed rule did not check the table, so it must not claim the table is clean.
        assertThat(evaluation.clean()).extracting(CleanTable::ruleId).doesNotContain("broken-table");
    }

    @Test
    void rejectsTwoRulesWithTheSameId() {
        assertThatThrownBy(() -> new RuleEngine(List.of(new PrimaryKeyMissingRule(), new PrimaryKeyMissingRule()),
                RuleSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PrimaryKeyMissingRule.ID);
    }

    @Test
    void describesItsRulesInOrder() {
        assertThat(engine.rules()).extracting(RuleInfo::id)
                .containsExactlyElementsOf(RULES.stream().map(r -> r.info().id()).toList());
    }

    private static final class ThrowingChangeRule implements ChangeRule {
        @Override
        public RuleInfo info() {
            return new RuleInfo("broken-change", "Broken", Severity.HIGH, RuleScope.CHANGE, "test", "test",
                    "test", "test");
        }

        @Override
        public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
            throw new IllegalStateException("catalog drift");
        }
    }

    private static final class ThrowingTableRule implements TableRule {
        @Override
        public RuleInfo info() {
            return new RuleInfo("broken-table", "Broken", Severity.HIGH, RuleScope.TABLE_STATE, "test",
                    "test", "test", "test");
        }

        @Override
        public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
            String missing = null;
            return Optional.of(new Finding("broken-table", Severity.HIGH, null, null, null, missing.trim(), null));
        }
    }
}
