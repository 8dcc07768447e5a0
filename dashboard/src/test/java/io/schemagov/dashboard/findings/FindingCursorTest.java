package io.schemagov.dashboard.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FindingCursorTest {

    /** FieldValue has no equals; compare kind and value instead. */
    private static String describe(FieldValue value) {
        return value._kind() + ":" + value._get();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static FindingCursor newest(Object... values) {
        return new FindingCursor(FindingSort.NEWEST, Arrays.asList(values));
    }

    @Test
    void decodesWhatItEncodes() {
        FindingCursor cursor = newest(1_732_000_000_000L, "0/16B3748", "orders", "drop-column", "public.orders.note", 42L);

        assertThat(FindingCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void keepsMissingKeywordsAsNull() {
        FindingCursor cursor = newest(Long.MIN_VALUE, null, "orders", null, null, 0L);

        assertThat(FindingCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void encodesToUrlSafeTextWithoutPadding() {
        assertThat(newest(1L, "ä/ö?&=+", "db with spaces", "r", "o/b+j", 7L).encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void survivesTextThatLooksLikeMarkupOrJson() {
        FindingCursor cursor = newest(5L, "\"],[", "<script>alert(1)</script>", "r\u0000", "o\n", 1L);

        assertThat(FindingCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void convertsToAndFromElasticsearchSortValues() {
        List<FieldValue> values = List.of(FieldValue.of(1_732_000_000_000L), FieldValue.NULL, FieldValue.of("orders"),
                FieldValue.of("drop-column"), FieldValue.NULL, FieldValue.of(3L));

        FindingCursor cursor = FindingCursor.fromSortValues(FindingSort.NEWEST, values);

        assertThat(cursor).isEqualTo(newest(1_732_000_000_000L, null, "orders", "drop-column", null, 3L));
        assertThat(cursor.toSortValues()).map(FindingCursorTest::describe)
                .containsExactlyElementsOf(values.stream().map(FindingCursorTest::describe).toList());
    }

    @ParameterizedTest
    @EnumSource(FindingSort.class)
    void remembersTheOrderItBelongsTo(FindingSort sort) {
        List<Object> values = new java.util.ArrayList<>();
        sort.fields().keySet().forEach(field -> values.add(field.equals("_seq_no") ? 1L : field));

        FindingCursor cursor = FindingCursor.decode(new FindingCursor(sort, values).encode());

        assertThat(cursor.sort()).isEqualTo(sort);
        assertThat(cursor.values()).isEqualTo(values);
    }

    @Test
    void refusesSortValuesOfTheWrongLength() {
        assertThatThrownBy(() -> FindingCursor.fromSortValues(FindingSort.SEVERITY, List.of(FieldValue.of(1L))))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "%%%", "abc$", "====", "a"})
    void rejectsTextThatIsNotBase64Json(String cursor) {
        assertThatThrownBy(() -> FindingCursor.decode(cursor)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "[]",
        "\"text\"",
        "[1,null,null,null,null,null,2]",
        "[\"newest\",1,null,null,null,null]",
        "[\"newest\",1,null,null,null,null,2,3]",
        "[\"sideways\",1,null,null,null,null,2]",
        "[\"newest\",1.5,null,null,null,null,2]",
        "[\"newest\",1,null,{},null,null,2]",
        "[\"newest\",1,null,null,[],null,2]",
        "[\"newest\",1,null,null,null,true,2]",
        "[\"newest\",123456789012345678901234567890,null,null,null,null,2]",
        "[\"newest\",1,null,null,null,null,2] [3]",
        "[\"newest\",1,null,null,null,null,2"
    })
    void rejectsJsonOfTheWrongShape(String json) {
        assertThatThrownBy(() -> FindingCursor.decode(base64(json))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsAHandWrittenCursorOfTheRightShape() {
        assertThat(FindingCursor.decode(base64("[\"oldest\",10,\"p\",null,\"r\",null,0]")))
                .isEqualTo(new FindingCursor(FindingSort.OLDEST, Arrays.asList(10L, "p", null, "r", null, 0L)));
    }
}
