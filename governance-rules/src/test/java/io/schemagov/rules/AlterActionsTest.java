package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.rules.AlterActions.Action;
import io.schemagov.rules.AlterActions.Kind;
import io.schemagov.model.SchemaChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AlterActionsTest {

    @Test
    void readsATextOnceForAllTheRulesThatAskAndAgainForAnother() {
        String sql = "ALTER TABLE public.orders RENAME COLUMN note TO remark";
        List<Action> actions = AlterActions.of(sql);

        assertThat(AlterActions.of(sql)).isSameAs(actions);
        assertThat(actions).containsExactly(new Action(Kind.RENAME_COLUMN, "public", "orders", "note", "remark", false));
        List<Action> other = AlterActions.of("ALTER SCHEMA sales RENAME TO shop");
        assertThat(other).extracting(Action::kind).containsExactly(Kind.RENAME_SCHEMA);
        assertThat(AlterActions.of(new String(sql))).isEqualTo(actions);
    }

    @Test
    void sharesActionsThatNoRuleCanChange() {
        List<Action> actions = AlterActions.of("ALTER TABLE orders ALTER COLUMN total DROP NOT NULL");

        assertThatThrownBy(() -> actions.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * {@link AlterActions#of} skips statements without RENAME, SCHEMA, DROP or TYPE unread: over the rule examples,
     * the benchmark corpus and forms written here, reading such a statement in full gives no action either.
     */
    @Test
    void skipsOnlyStatementsThatWouldGiveNoAction() {
        List<String> texts = new ArrayList<>(List.of("alter table t rename to u", "ALTER TABLE t SET SCHEMA s",
                "alter table t alter column c type bigint using c::bigint", "ALTER TABLE t DROP CONSTRAINT IF EXISTS k",
                "ALTER TABLE t ALTER c DROP NOT NULL", "alter schema s rename to t", "ALTER TABLE t ADD COLUMN c int",
                "ALTER TABLE t ALTER COLUMN c SET NOT NULL", "ALTER TABLE \"RENAME\" ADD COLUMN \"TYPE\" text"));
        RuleCatalog.defaultRules().forEach(rule -> texts.addAll(List.of(rule.info().example(), rule.info().fix())));
        BenchmarkCorpus.of(64).stream().map(SchemaChangeEvent::getStatement).forEach(texts::add);
        List<List<SqlToken>> skipped = texts.stream().flatMap(sql -> SqlScanner.statements(sql).stream())
                .filter(statement -> !AlterActions.hasActionWord(statement)).toList();

        assertThat(skipped).hasSizeGreaterThan(50);
        for (List<SqlToken> statement : skipped) {
            List<Action> actions = new ArrayList<>();
            AlterActions.readStatement(statement, actions);
            assertThat(actions).as(statement.toString()).isEmpty();
        }
        assertThat(Stream.of("alter table t rename to u", "ALTER TABLE t ALTER c TYPE int", "alter schema s rename to t")
                .map(AlterActions::of)).allMatch(actions -> actions.size() == 1);
    }
}
