package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepeatingColumnGroupRuleTest {

    private final RepeatingColumnGroupRule rule = new RepeatingColumnGroupRule();

    static Stream<Arguments> repeatingGroups() {
        return Stream.of(
                fires("phone1..3", table("public.customers").column("id", "bigint").column("phone1", "text")
                        .column("phone2", "text").column("phone3", "text").build(), Severity.LOW,
                        "public.customers spreads lists over numbered columns: phone1, phone2, phone3"),
                fires("with underscores", table("public.customers").column("address_1", "text")
                        .column("address_2", "text").build(), Severity.LOW, "address_1, address_2"),
                fires("counting from zero", table("public.shapes").column("point0", "point")
                        .column("point1", "point").build(), Severity.LOW, "point0, point1"),
                fires("two groups", table("public.customers").column("phone1", "text").column("phone2", "text")
                        .column("email_1", "text").column("email_2", "text").build(), Severity.LOW,
                        "phone1, phone2; email_1, email_2"),
                fires("groups in the order of their first column, each in number order", table("public.contacts")
                        .column("phone3", "text").column("email_2", "text").column("Phone1", "text")
                        .column("email_1", "text").column("phone2", "text").build(), Severity.LOW,
                        "spreads lists over numbered columns: Phone1, phone2, phone3; email_1, email_2"),
                fires("of two columns with one number the later one", table("public.contacts")
                        .column("phone1", "text").column("phone_1", "text").column("phone2", "text")
                        .column("ipv4", "inet").column("ipv6", "inet").build(), Severity.LOW,
                        "spreads lists over numbered columns: phone_1, phone2"));
    }

    static Stream<Named<TableSnapshot>> noGroups() {
        return Stream.of(
                silent("numbers that are part of the name", table("public.hosts").column("ipv4", "inet")
                        .column("ipv6", "inet").column("sha1", "text").column("sha256", "text").build()),
                silent("a single numbered column", table("public.customers").column("address_line1", "text")
                        .column("address", "text").build()),
                silent("one-letter stems", table("public.boxes").column("x1", "int").column("x2", "int")
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repeatingGroups")
    void flagsNumberedSiblings(TableSnapshot table, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(table, RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, rule.info(), severity, fragments);
        assertThat(finding.message()).doesNotContain(" id");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noGroups")
    void acceptsOtherNumberedNames(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone1", "phone_2", "address_line1", "addressLine12", "x1", "ab1", "a_1", "ab_", "ab_1",
            "ab__1", "__1", "sha256", "ipv4", "a1234", "ab1234", "abc_1234", "1234", "12", "123", "0_0_0",
            "\uD83D\uDE001", "\uD83D\uDE00a1", "a\uD83D\uDE00_2", "ab\n1", "a\nb_12", "ab\u20281", "étage_3",
            "phone١"})
    void readsNumberedNamesAsItsPatternDoes(String name) {
        Matcher m = Pattern.compile("(.{2,}?)_?(\\d{1,3})").matcher(name);

        RepeatingColumnGroupRule.Numbered numbered = RepeatingColumnGroupRule.numbered(name);

        if (m.matches()) {
            assertThat(numbered).isEqualTo(new RepeatingColumnGroupRule.Numbered(m.group(1),
                    Integer.parseInt(m.group(2))));
        } else {
            assertThat(numbered).isNull();
        }
    }
}
