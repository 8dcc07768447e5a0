package io.schemagov.rules;

import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** Unquoted identities are read in place; they must name the same snapshots as their split parts do. */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"public.orders", "orders", "archive.orders", "public.order", "public.orders.note",
            "db.public.orders", "x.public.orders", ".orders", "public.", "", "public..orders", "public.ordersx",
            "publi.orders", "public\".orders", "\"public\".\"orders\""})
    void readsUnquotedIdentitiesAsTheirParts(String identity) {
        TableSnapshot orders = table("public.orders").build();
        List<String> parts = Names.parts(identity);
        boolean expected = !parts.isEmpty() && parts.get(parts.size() - 1).equals("orders")
                && (parts.size() == 1 || parts.get(parts.size() - 2).equals("public"));

        assertThat(Names.namesTable(identity, orders)).isEqualTo(expected);
    }
}
