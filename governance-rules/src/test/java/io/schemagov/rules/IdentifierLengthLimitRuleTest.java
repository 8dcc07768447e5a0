package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdentifierLengthLimitRuleTest {

    private final IdentifierLengthLimitRule rule = new IdentifierLengthLimitRule();

    /** A name of exactly that many bytes in UTF-8. */
    private static String name(String prefix, int bytes) {
        return prefix + "x".repeat(bytes - prefix.getBytes(StandardCharsets.UTF_8).length);
    }

    private static final String LONG_TABLE = name("customer_", 63);
    private static final String LONG_COLUMN = name("preferred_", 63);
    /** 61 ASCII bytes and one two-byte letter: 62 characters, 63 bytes. */
    private static final String ACCENTED = name("réf_", 63);

    static Stream<Arguments> namesAtTheLimit() {
        return Stream.of(
                fires("table", table("public." + LONG_TABLE).column("id", "bigint").build(), Severity.LOW,
                        "has names of exactly 63 bytes, the limit, so a longer name was probably truncated to them",
                        "table " + LONG_TABLE),
                fires("column and index", table("public.orders").column(LONG_COLUMN, "text")
                        .index(name("orders_", 63), LONG_COLUMN).build(), Severity.LOW,
                        "column " + LONG_COLUMN, "index " + name("orders_", 63)),
                fires("bytes, not characters", table("public.orders").column(ACCENTED, "text").build(), Severity.LOW,
                        "column " + ACCENTED),
                fires("unique constraint listed once", table("public.orders").unique(name("orders_key_", 63), "id")
                        .build(), Severity.LOW, "index " + name("orders_key_", 63)));
    }

    static Stream<Named<TableSnapshot>> shorterNames() {
        return Stream.of(
                silent("62 bytes", table("public." + name("customer_", 62)).column(name("c_", 62), "text").build()),
                silent("short", table("public.orders").column("id", "bigint").primaryKey("id").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namesAtTheLimit")
    void flagsNamesAtTheLimit(TableSnapshot table, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(table, RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, rule.info(), severity, fragments);
        assertThat(finding.message()).doesNotContain("constraint ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shorterNames")
    void acceptsShorterNames(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
