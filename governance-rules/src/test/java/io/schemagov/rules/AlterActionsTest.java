package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.rules.AlterActions.Action;
import io.schemagov.rules.AlterActions.Kind;
import java.util.List;
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
}
