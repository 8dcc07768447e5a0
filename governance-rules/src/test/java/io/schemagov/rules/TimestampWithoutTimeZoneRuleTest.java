package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimestampWithoutTimeZoneRuleTest {

    private final TimestampWithoutTimeZoneRule rule = new TimestampWithoutTimeZoneRule();

    static Stream<Arguments> tablesWithZonelessTimestamps() {
        return Stream.of(
                fires("one column", table("public.orders").column("id", "bigint")
                        .column("created_at", "timestamp without time zone").build(), Severity.LOW,
                        "public.orders stores timestamp without time zone in created_at",
                        "depends on the time zone they were written in"),
                fires("all such columns listed in order", table("public.orders")
                        .column("created_at", "timestamp without time zone").column("note", "text")
                        .column("shipped_at", "timestamp without time zone").build(), Severity.LOW,
                        "in created_at, shipped_at:"),
                fires("with precision", table("public.audit").column("at", "timestamp(3) without time zone").build(),
                        Severity.LOW, "in at:"),
                fires("array", table("public.audit").column("seen", "timestamp without time zone[]").build(),
                        Severity.LOW, "in seen:"),
                fires("partitioned table", table("public.metrics").partitioned()
                        .column("taken_at", "timestamp without time zone").build(), Severity.LOW, "in taken_at:"));
    }

    static Stream<Named<TableSnapshot>> tablesWithoutThem() {
        return Stream.of(
                silent("timestamptz", table("public.orders").column("created_at", "timestamp with time zone").build()),
                silent("timestamptz with precision", table("public.orders")
                        .column("created_at", "timestamp(6) with time zone").build()),
                silent("date and time", table("public.shifts").column("day", "date")
                        .column("starts", "time without time zone").build()),
                silent("text mentioning timestamps", table("public.docs").column("timestamp_note", "text").build()),
                silent("view", table("public.v").kind("view").column("at", "timestamp without time zone").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tablesWithZonelessTimestamps")
    void flagsTimestampWithoutTimeZone(TableSnapshot table, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(table, RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, rule.info(), severity, fragments);
        assertThat(finding.message()).doesNotContainPattern("\\bnote\\b"); // the text column
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tablesWithoutThem")
    void acceptsZoneAwareOrOtherTypes(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
