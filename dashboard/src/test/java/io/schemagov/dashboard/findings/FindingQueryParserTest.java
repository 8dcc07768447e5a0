package io.schemagov.dashboard.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.dashboard.api.ApiException;
import io.schemagov.dashboard.api.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FindingQueryParserTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final FindingQuery FIRST_PAGE = new FindingQuery(FindingFilter.ANY, FindingSort.NEWEST, 50, null);

    private static FindingQuery parse(Map<String, List<String>> params) {
        return FindingQueryParser.parse(params, NOW);
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

        assertThat(query).isEqualTo(FIRST_PAGE);
    }

    @Test
    void acceptsSeveritiesRepeatedCommaSeparatedAndInAnyCase() {
        FindingQuery query = parse(Map.of("severity", List.of("high", "CRITICAL,Low", "HIGH")));

        assertThat(query.filter().severities()).containsExactly("HIGH", "CRITICAL", "LOW");
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

        assertThat(query.filter().databases()).containsExactly("orders", "odd,name");
    }

    @Test
    void ignoresBlankFilterValuesAsSentByAnEmptySelect() {
        FindingQuery query = parse(Map.of("database", List.of(""), "status", List.of(" "), "size", List.of("")));

        assertThat(query).isEqualTo(FIRST_PAGE);
    }

    @Test
    void acceptsEveryStatusInAnyCase() {
        assertThat(parse(Map.of("status", List.of("open,Resolved", "suppressed", "acknowledged"))).filter().statuses())
                .containsExactly("open", "resolved", "suppressed", "acknowledged");
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
        FindingCursor cursor = new FindingCursor(FindingSort.NEWEST, List.of(9L, "p", "d", "r", "o", 1L));

        assertThat(parse(Map.of("after", List.of(cursor.encode()))).after()).isEqualTo(cursor);
    }

    @Test
    void refusesACursorOfAnotherOrder() {
        FindingCursor cursor = new FindingCursor(FindingSort.NEWEST, List.of(9L, "p", "d", "r", "o", 1L));

        assertBadParameter(Map.of("after", List.of(cursor.encode()), "sort", List.of("oldest")), "after");
    }

    @ParameterizedTest
    @CsvSource({"newest,NEWEST", "OLDEST,OLDEST", "severity,SEVERITY"})
    void readsTheOrder(String value, FindingSort sort) {
        assertThat(parse(Map.of("sort", List.of(value))).sort()).isEqualTo(sort);
    }

    @Test
    void rejectsAnUnknownOrder() {
        assertBadParameter(Map.of("sort", List.of("random")), "sort");
    }

    @Test
    void readsTheOtherFilters() {
        FindingFilter filter = parse(Map.of("rule", List.of("drop-column,table-rewrite"), "schema", List.of("sales"),
                "table", List.of("orders", "sales.items"), "actor", List.of("flyway"), "q", List.of("big table"),
                "from", List.of("2026-11-01T00:00:00Z"), "to", List.of("2026-11-02T00:00:00Z"),
                "detectedAfter", List.of("2026-11-01T06:00:00Z"))).filter();

        assertThat(filter.ruleIds()).containsExactly("drop-column", "table-rewrite");
        assertThat(filter.schemas()).containsExactly("sales");
        assertThat(filter.tables()).containsExactly("orders", "sales.items");
        assertThat(filter.actors()).containsExactly("flyway");
        assertThat(filter.text()).isEqualTo("big table");
        assertThat(filter.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(filter.detectedAfter()).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({"30m,PT30M", "24h,PT24H", "7d,PT168H", "2w,PT336H"})
    void turnsARelativePeriodIntoAStart(String since, Duration period) {
        assertThat(parse(Map.of("since", List.of(since))).filter().from()).isEqualTo(NOW.minus(period));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"since;yesterday", "since;7", "from;2026-11-01", "to;tomorrow",
        "detectedAfter;now"})
    void rejectsMalformedTimesNamingTheParameter(String name, String value) {
        assertBadParameter(Map.of(name, List.of(value)), name);
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItStartsOrIsGivenTwice() {
        assertBadParameter(Map.of("from", List.of("2026-11-02T00:00:00Z"), "to", List.of("2026-11-01T00:00:00Z")), "to");
        assertBadParameter(Map.of("from", List.of("2026-11-02T00:00:00Z"), "since", List.of("1d")), "since");
    }

    @Test
    void rejectsAnOverlongSearchText() {
        assertBadParameter(Map.of("q", List.of("x".repeat(FindingQueryParser.MAX_TEXT_LENGTH + 1))), "q");
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
