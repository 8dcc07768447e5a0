package io.schemagov.rules;

import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableFactsTest {

    private final TableSnapshot orders = table("public.orders").column("id", "BIGINT", true)
            .column("unitPrice2_eur", "double precision").column("api_key", "character varying(40)")
            .column("id", "text").column("tags", "text[]")
            .primaryKey("id").index("orders_price_idx", "unitPrice2_eur").invalidIndex("orders_broken_idx", "tags")
            .build();

    @Test
    void givesTheSameFactsForTheSameSnapshotAndNewOnesForAnother() {
        TableFacts facts = TableFacts.of(orders);

        assertThat(TableFacts.of(orders)).isSameAs(facts);
        TableSnapshot other = table("public.orders").column("id", "bigint").build();
        assertThat(TableFacts.of(other)).isNotSameAs(facts);
        assertThat(TableFacts.of(other).columns()).hasSize(1);
    }

    @Test
    void readsAgainWhenTheSnapshotWasGivenOtherColumns() {
        TableSnapshot table = table("public.orders").column("id", "bigint").build();
        TableFacts before = TableFacts.of(table);

        table.setColumns(List.of(ColumnSnapshot.newBuilder().setName("Note").setPosition(1).setDataType("TEXT")
                .setNotNull(false).build()));

        assertThat(TableFacts.of(table)).isNotSameAs(before);
        assertThat(TableFacts.of(table).type(0)).isEqualTo("text");
    }

    @Test
    void describesEachColumnAsDesignColumnsDoes() {
        TableFacts facts = TableFacts.of(orders);

        for (int i = 0; i < orders.getColumns().size(); i++) {
            ColumnSnapshot column = orders.getColumns().get(i);
            assertThat(facts.type(i)).isEqualTo(DesignColumns.type(column));
            assertThat(facts.isString(i)).isEqualTo(DesignColumns.isString(column));
            assertThat(facts.words(i)).isEqualTo(DesignColumns.words(column.getName()));
        }
        assertThat(facts.type(0)).isEqualTo("bigint");
        assertThat(facts.words(1)).containsExactly("unit", "price", "eur");
        assertThat(facts.isString(2)).isTrue();
        assertThat(facts.isString(4)).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "_1", "id", "tags", "customer_id", "phone1", "shipping_address_line2", "a_b_c_d_e",
        "unitPrice2_eur", "x__y"})
    void splitsNamesIntoUnmodifiableListsOfWords(String name) {
        List<String> words = DesignColumns.words(name);

        assertThat(words).isEqualTo(List.of(Pattern.compile("[^a-zA-Z]+|(?<=[a-z])(?=[A-Z])").splitAsStream(name)
                .filter(word -> !word.isEmpty()).map(String::toLowerCase).toArray()));
        assertThatThrownBy(() -> words.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sharesWordListsThatNoRuleCanChange() {
        List<String> words = TableFacts.of(orders).words(2);

        assertThat(TableFacts.of(orders).words(2)).isSameAs(words);
        assertThatThrownBy(() -> words.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void findsColumnsByNameKeepingTheFirstOfTwo() {
        TableFacts facts = TableFacts.of(orders);

        assertThat(facts.column("id").getDataType()).isEqualTo("BIGINT");
        assertThat(facts.column("tags")).isNotNull();
        assertThat(facts.column("missing")).isNull();
    }

    @Test
    void shapesOnlyTheValidIndexesInTheirOrder() {
        List<IndexShape> shapes = TableFacts.of(orders).validShapes();

        assertThat(shapes).extracting(IndexShape::name).containsExactly("orders_pkey", "orders_price_idx");
        assertThat(shapes.get(1).keys()).containsExactly("unitPrice2_eur");
    }

    @Test
    void knowsTablesFromOtherRelations() {
        assertThat(TableFacts.of(orders).isTable()).isTrue();
        assertThat(TableFacts.of(table("public.totals").kind("view").build()).isTable()).isFalse();
        assertThat(TableFacts.of(table("public.events").kind(" Partitioned Table ").build()).isTable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "order_lines2", "a", "a_", "OrderLines", "order lines", "2fa", "_hidden", "",
            "naïve", "x-y", "ab$c"})
    void readsSnakeCaseAsItsPatternDoes(String name) {
        assertThat(NameNotSnakeCaseRule.isSnakeCase(name))
                .isEqualTo(Pattern.compile("[a-z][a-z0-9_]*").matcher(name).matches());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 20, 21, 22, 30, 62, 63, 64, 100})
    void findsNamesAtTheLimitAsTheirEncodingDoes(int length) {
        for (String letter : List.of("a", "é", "€", "😀")) {
            String name = letter.repeat(length).substring(0, Math.min(length, letter.repeat(length).length()));
            boolean encoded = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length == 63;
            assertThat(IdentifierLengthLimitRule.atLimit(name)).as(name).isEqualTo(encoded);
        }
    }
}
