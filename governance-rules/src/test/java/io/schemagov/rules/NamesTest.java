package io.schemagov.rules;

import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void splitsIdentitiesOutsideQuotesOnly() {
        assertThat(Names.parts("public.orders.note")).containsExactly("public", "orders", "note");
        assertThat(Names.parts("\"my.schema\".\"Order \"\"Lines\"\"\"")).containsExactly("my.schema",
                "Order \"Lines\"");
        assertThat(Names.normalized("sales.\"Orders\"")).isEqualTo("sales.Orders");
        assertThat(Names.unqualified("public.orders_pkey")).isEqualTo("orders_pkey");
    }

    @Test
    void matchesQualifiedAndPlainNamesToASnapshot() {
        TableSnapshot orders = table("public.orders").build();

        assertThat(Names.namesTable("public.orders", orders)).isTrue();
        assertThat(Names.namesTable("orders", orders)).isTrue();
        assertThat(Names.namesTable("archive.orders", orders)).isFalse();
        assertThat(Names.namesTable("public.order", orders)).isFalse();
    }
}
