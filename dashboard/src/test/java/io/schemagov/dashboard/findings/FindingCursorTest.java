package io.schemagov.dashboard.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FindingCursorTest {

    /** FieldValue has no equals; compare kind and value instead. */
    private static String describe(FieldValue value) {
        return value._kind() + ":" + value._get();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesWhatItEncodes() {
        FindingCursor cursor = new FindingCursor(1_732_000_000_000L, "0/16B3748", "orders", "drop-column",
                "public.orders.note", 42);

        assertThat(FindingCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void keepsMissingKeywordsAsNull() {
        FindingCursor cursor = new FindingCursor(Long.MIN_VALUE, null, "orders", null, null, 0);

        assertThat(FindingCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void encodesToUrlSafeTextWithoutPadding() {
        FindingCursor cursor = new FindingCursor(1L, "ä/ö?&=+", "db with spaces", "r", "o/b+j", 7);

        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void survivesTextThatLooksLikeMarkupOrJson() {
        FindingCursor cursor = new FindingCursor(5L, "\"],[", "<script>alert(1)</script>", "r\u0000", "o\n", 1);

        assertThat(FindingCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void convertsToAndFromElasticsearchSortValues() {
        List<FieldValue> values = List.of(FieldValue.of(1_732_000_000_000L), FieldValue.NULL, FieldValue.of("orders"),
                FieldValue.of("drop-column"), FieldValue.NULL, FieldValue.of(3L));

        FindingCursor cursor = FindingCursor.fromSortValues(values);

        assertThat(cursor).isEqualTo(new FindingCursor(1_732_000_000_000L, null, "orders", "drop-column", null, 3));
        assertThat(cursor.toSortValues()).map(FindingCursorTest::describe)
                .containsExactlyElementsOf(values.stream().map(FindingCursorTest::describe).toList());
    }

    @Test
    void hasOneValuePerSortField() {
        FindingCursor cursor = new FindingCursor(1L, "p", "d", "r", "o", 2);

        assertThat(cursor.toSortValues()).hasSize(FindingRequests.SORT_FIELDS.size());
        assertThat(FindingRequests.SORT_FIELDS.keySet())
                .containsExactly("eventTime", "position", "database", "ruleId", "object", "_seq_no");
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
            "[1,null,null,null,null]",
            "[1,null,null,null,null,2,3]",
            "[\"1\",null,null,null,null,2]",
            "[1.5,null,null,null,null,2]",
            "[1,null,null,null,null,2.5]",
            "[1,5,null,null,null,2]",
            "[1,null,{},null,null,2]",
            "[1,null,null,[],null,2]",
            "[1,null,null,null,true,2]",
            "[123456789012345678901234567890,null,null,null,null,2]",
            "[1,null,null,null,null,2] [3]",
            "[1,null,null,null,null,2"
    })
    void rejectsJsonOfTheWrongShape(String json) {
        assertThatThrownBy(() -> FindingCursor.decode(base64(json))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsAHandWrittenCursorOfTheRightShape() {
        assertThat(FindingCursor.decode(base64("[10,\"p\",null,\"r\",null,0]")))
                .isEqualTo(new FindingCursor(10, "p", null, "r", null, 0));
    }
}
