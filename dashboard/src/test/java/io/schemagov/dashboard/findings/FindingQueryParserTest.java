package io.schemagov.dashboard.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.dashboard.api.ApiException;
import io.schemagov.dashboard.api.ErrorKind;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FindingQueryParserTest {

    private static FindingQuery parse(Map<String, List<String>> params) {
        return FindingQueryParser.parse(params);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertBadParameter(
            Map<String, List<String>> params, String parameter) {
        return assertThatThrownBy(() -> parse(params))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_PARAMETER);
                    assertThat(e.parameter()).isEqualTo(parameter);
                })
                .hasMessageStartingWith(parameter + ": ");
    }

    @Test
    void withoutParametersAsksForTheFirstPageOfFiftyUnfiltered() {
        FindingQuery query = parse(Map.of());

        assertThat(query).isEqualTo(new FindingQuery(List.of(), List.of(), List.of(), 50, null));
    }

    @Test
    void acceptsSeveritiesRepeatedCommaSeparatedAndInAnyCase() {
        FindingQuery query = parse(Map.of("severity", List.of("high", "CRITICAL,Low", "HIGH")));

        assertThat(query.severities()).containsExactly("HIGH", "CRITICAL", "LOW");
    }

    @Test
    void rejectsAnUnknownSeverityNamingTheParameter() {
        assertBadParameter(Map.of("severity", List.of("HIGH", "SEVERE")), "severity")
                .hasMessageContaining("SEVERE")
                .hasMessageContaining("INFO, LOW, MEDIUM, HIGH, CRITICAL");
    }

    @Test
    void keepsDatabaseNamesWholeEvenWithCommas() {
        FindingQuery query = parse(Map.of("database", List.of("orders", "odd,name", "orders")));

        assertThat(query.databases()).containsExactly("orders", "odd,name");
    }

    @Test
    void ignoresBlankFilterValuesAsSentByAnEmptySelect() {
        FindingQuery query = parse(Map.of("database", List.of(""), "status", List.of(" "), "size", List.of("")));

        assertThat(query).isEqualTo(new FindingQuery(List.of(), List.of(), List.of(), 50, null));
    }

    @Test
    void acceptsOpenAndResolvedStatuses() {
        assertThat(parse(Map.of("status", List.of("open,resolved"))).statuses()).containsExactly("open", "resolved");
    }

    @Test
    void rejectsAnUnknownStatus() {
        assertBadParameter(Map.of("status", List.of("closed")), "status");
    }

    @Test
    void rejectsMoreFilterValuesThanTheLimit() {
        List<String> many = java.util.stream.IntStream.range(0, FindingQueryParser.MAX_VALUES + 1)
                .mapToObj(i -> "db" + i).toList();

        assertBadParameter(Map.of("database", many), "database");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "50", "500"})
    void acceptsSizesFromOneToFiveHundred(String size) {
        assertThat(parse(Map.of("size", List.of(size))).size()).isEqualTo(Integer.parseInt(size));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501", "99999999999", "ten", "5.0"})
    void rejectsSizesOutOfRangeOrNotWholeNumbers(String size) {
        assertBadParameter(Map.of("size", List.of(size)), "size");
    }

    @Test
    void rejectsARepeatedSize() {
        assertBadParameter(Map.of("size", List.of("10", "20")), "size");
    }

    @Test
    void decodesTheCursor() {
        FindingCursor cursor = new FindingCursor(9L, "p", "d", "r", "o", 1);

        assertThat(parse(Map.of("after", List.of(cursor.encode()))).after()).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage!", "e30", "WzEsMiwzXQ"})
    void rejectsAMalformedCursorNamingAfter(String after) {
        assertBadParameter(Map.of("after", List.of(after)), "after");
    }

    @Test
    void rejectsAnOverlongCursorWithoutDecodingIt() {
        assertBadParameter(Map.of("after", List.of(String.join("", Collections.nCopies(5000, "A")))), "after");
    }

    @Test
    void ignoresUnknownParameters() {
        assertThat(parse(Map.of("_", List.of("1700000000")))).isEqualTo(parse(Map.of()));
    }
}
