package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrimaryKeyTypeRuleTest {

    private final PrimaryKeyTypeRule rule = new PrimaryKeyTypeRule();

    static Stream<Arguments> narrowKeys() {
        return Stream.of(
                fires("serial", TableExtras.of(table("public.orders").primaryKey("id")).serial("id", "integer")
                        .build(), Severity.MEDIUM, "public.orders has its primary key on id integer (serial)",
                        "inserts fail once its values pass 2,147,483,647"),
                fires("integer identity", TableExtras.of(table("public.orders").primaryKey("id").size(5000, 65536))
                        .identity("id", "integer").build(), Severity.MEDIUM, "id integer identity", "(≈5k rows now)"),
                fires("plain integer key", table("public.orders").column("id", "integer", true).primaryKey("id")
                        .build(), Severity.MEDIUM, "on id integer:"),
                fires("smallint key", table("public.codes").column("id", "smallint", true).primaryKey("id").build(),
                        Severity.MEDIUM, "on id smallint", "pass 32,767"),
                fires("past half the range", TableExtras.of(table("public.events").primaryKey("id")
                        .size(1_200_000_000L, 100 * Tables.GB)).serial("id", "integer").build(), Severity.HIGH,
                        "(≈1.2B rows now)"),
                fires("generated part of a composite key", TableExtras.of(table("public.lines")
                        .column("order_id", "bigint", true).primaryKey("order_id", "line_no"))
                        .serial("line_no", "integer").build(), Severity.MEDIUM, "line_no integer (serial)"),
                fires("MariaDB int AUTO_INCREMENT", mysql(TableExtras.of(table("shop.orders").primaryKey("id"))
                        .autoIncrement("id", "int(11)")), Severity.MEDIUM,
                        "shop.orders has its primary key on id int(11) AUTO_INCREMENT", "pass 2,147,483,647"),
                fires("MariaDB unsigned int", mysql(TableExtras.of(table("shop.orders").primaryKey("id"))
                        .autoIncrement("id", "int(10) unsigned")), Severity.MEDIUM, "pass 4,294,967,295"),
                fires("MySQL 8 int without display width", mysql(TableExtras.of(table("shop.orders")
                        .primaryKey("id")).autoIncrement("id", "int")), Severity.MEDIUM, "on id int AUTO_INCREMENT"),
                fires("tinyint unsigned past half its range", mysql(TableExtras.of(table("shop.countries")
                        .primaryKey("id").size(200, 16384)).autoIncrement("id", "tinyint(3) unsigned")),
                        Severity.HIGH, "pass 255", "(≈200 rows now)"),
                fires("mediumint", mysql(TableExtras.of(table("shop.items").primaryKey("id"))
                        .autoIncrement("id", "mediumint(9)")), Severity.MEDIUM, "pass 8,388,607"));
    }

    static Stream<Named<TableSnapshot>> wideKeys() {
        return Stream.of(
                silent("bigint identity", TableExtras.of(table("public.orders").primaryKey("id"))
                        .identity("id", "bigint").build()),
                silent("uuid", table("public.orders").column("id", "uuid", true).primaryKey("id").build()),
                silent("MariaDB bigint unsigned AUTO_INCREMENT", mysql(TableExtras.of(table("shop.orders")
                        .primaryKey("id")).autoIncrement("id", "bigint(20) unsigned"))),
                silent("a type that only contains int", table("public.slots").column("id", "interval", true)
                        .primaryKey("id").build()),
                silent("composite key of references", table("public.order_tags").column("order_id", "integer", true)
                        .column("tag_id", "integer", true).primaryKey("order_id", "tag_id").build()),
                silent("no primary key", table("public.log").column("id", "integer").build()),
                silent("integer column that is not the key", table("public.orders").column("id", "bigint", true)
                        .column("qty", "integer").primaryKey("id").build()));
    }

    private static TableSnapshot mysql(TableExtras table) {
        return MysqlFixtures.on(table.build(), "InnoDB", "utf8mb4_general_ci");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("narrowKeys")
    void flagsNarrowPrimaryKey(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wideKeys")
    void acceptsWideOrNaturalKeys(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }

    /** The pattern the rule used to read types with, which its hand-written reading must agree with. */
    private static final Pattern NARROW = Pattern.compile(
            "(tinyint|smallint|mediumint|int|integer)(?:\\(\\d+\\))?( unsigned)?( zerofill)?");

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"integer", "int", "int(11)", "int(11) unsigned", "int(11) unsigned zerofill",
            "int zerofill", "smallint", "smallint unsigned", "tinyint(4)", "mediumint(8) unsigned", "integer(3)",
            "bigint", "int()", "int(", "int(1a)", "int unsigned ", "intx", "integers", "int zerofill unsigned",
            "numeric(12,2)", "", "int4", "integer[]", "mediumint unsignedzerofill"})
    void readsIntegerTypesAsThePatternDid(String type) {
        Matcher matcher = NARROW.matcher(type);
        long expected = 0;
        if (matcher.matches()) {
            long max = Map.of("tinyint", 127L, "smallint", 32_767L, "mediumint", 8_388_607L, "int",
                    (long) Integer.MAX_VALUE, "integer", (long) Integer.MAX_VALUE).get(matcher.group(1));
            expected = matcher.group(2) == null ? max : max * 2 + 1;
        }

        assertThat(PrimaryKeyTypeRule.limit(type)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 12, 127, 999, 1000, 32_767, 65_535, 999_999, 8_388_607, 2_147_483_647L,
            4_294_967_295L, Long.MAX_VALUE})
    void groupsDigitsAsFormatDoes(long limit) {
        assertThat(PrimaryKeyTypeRule.grouped(limit)).isEqualTo(String.format(Locale.ROOT, "%,d", limit));
    }
}
