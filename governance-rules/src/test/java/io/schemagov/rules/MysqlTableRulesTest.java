package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.MysqlFixtures.innodb;
import static io.schemagov.rules.MysqlFixtures.on;
import static io.schemagov.rules.MysqlFixtures.withIndex;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven cases of every MariaDB/MySQL table-state rule: the tables each must and must not flag. */
class MysqlTableRulesTest {

    private static final TableSnapshot PLAIN = innodb(table("shop.customers").primaryKey("id")
            .column("id", "bigint(20)").column("name", "varchar(100)"));

    static Stream<Arguments> flagged() {
        return Stream.of(
                fires("MyISAM", judged(new MysqlNonInnodbEngineRule(), on(PLAIN, "MyISAM", "utf8mb4_general_ci")),
                        Severity.HIGH, "shop.customers uses the MyISAM engine"),
                fires("Aria", judged(new MysqlNonInnodbEngineRule(), on(PLAIN, "Aria", "utf8mb4_general_ci")),
                        Severity.HIGH, "Aria"),
                fires("latin1 table", judged(new MysqlLegacyCharsetRule(), on(PLAIN, "InnoDB", "latin1_swedish_ci")),
                        Severity.MEDIUM, "table default latin1_swedish_ci"),
                fires("latin1 column", judged(new MysqlLegacyCharsetRule(), innodb(table("shop.customers")
                        .column("name", "varchar(100) CHARACTER SET latin1 COLLATE latin1_bin"))), Severity.MEDIUM,
                        "column name latin1_bin"),
                fires("utf8mb3 table", judged(new MysqlLegacyUtfRule(), on(PLAIN, "InnoDB", "utf8mb3_general_ci")),
                        Severity.MEDIUM, "uses utf8mb3", "table default utf8mb3_general_ci"),
                fires("utf8 column", judged(new MysqlLegacyUtfRule(), innodb(table("shop.customers")
                        .column("name", "varchar(100) CHARACTER SET utf8 COLLATE utf8_general_ci"))), Severity.MEDIUM,
                        "column name utf8_general_ci"),
                fires("zerofill", judged(new MysqlZerofillOrDisplayWidthRule(), innodb(table("shop.invoices")
                        .column("number", "int(8) unsigned zerofill"))), Severity.LOW, "number int(8) unsigned zerofill"),
                fires("custom display width", judged(new MysqlZerofillOrDisplayWidthRule(), innodb(table("shop.invoices")
                        .column("id", "bigint(20)").column("qty", "int(5)"))), Severity.LOW, "qty int(5)"),
                fires("double price", judged(new MysqlFloatForMoneyRule(), innodb(table("shop.prices")
                        .column("unit_price", "double").column("weight", "double"))), Severity.MEDIUM,
                        "unit_price double; use DECIMAL"),
                fires("float total", judged(new MysqlFloatForMoneyRule(), innodb(table("shop.orders")
                        .column("orderTotal", "float(10,2)"))), Severity.MEDIUM, "orderTotal float(10,2)"),
                fires("ignored index", judged(new MysqlInvisibleIndexRule(),
                        withIndex(PLAIN, "customers_name_idx", false, " IGNORED", "name")), Severity.LOW,
                        "maintains indexes no query may use: customers_name_idx"),
                fires("identical indexes", judged(new MysqlDuplicateIndexRule(), withIndex(withIndex(PLAIN,
                        "a_idx", false, "", "name"), "b_idx", false, "", "name")), Severity.LOW,
                        "b_idx (covered by a_idx)"),
                fires("left prefix of another index", judged(new MysqlDuplicateIndexRule(), withIndex(withIndex(PLAIN,
                        "name_idx", false, "", "name"), "name_id_idx", false, "", "name", "id")), Severity.LOW,
                        "name_idx (covered by name_id_idx)"),
                fires("plain index on the primary key", judged(new MysqlDuplicateIndexRule(),
                        withIndex(PLAIN, "id_idx", false, "", "id")), Severity.LOW, "id_idx (covered by customers_pkey)"));
    }

    static Stream<Named<Case>> accepted() {
        return Stream.of(
                silent("InnoDB", judged(new MysqlNonInnodbEngineRule(), PLAIN)),
                silent("a PostgreSQL table has no engine", judged(new MysqlNonInnodbEngineRule(),
                        table("public.customers").column("id", "bigint").build())),
                silent("utf8mb4 with a binary column", judged(new MysqlLegacyCharsetRule(), innodb(table("shop.files")
                        .column("digest", "varbinary(32)").column("name", "varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")))),
                silent("utf8mb3 is the other rule's", judged(new MysqlLegacyCharsetRule(),
                        on(PLAIN, "InnoDB", "utf8mb3_general_ci"))),
                silent("utf8mb4", judged(new MysqlLegacyUtfRule(), PLAIN)),
                silent("default display widths and booleans", judged(new MysqlZerofillOrDisplayWidthRule(),
                        innodb(table("shop.flags").column("id", "int(11)").column("n", "int(10) unsigned")
                                .column("active", "tinyint(1)").column("big", "bigint(20) unsigned")))),
                silent("decimal amounts and float measurements", judged(new MysqlFloatForMoneyRule(),
                        innodb(table("shop.readings").column("amount", "decimal(12,2)").column("temperature", "double")))),
                silent("visible index", judged(new MysqlInvisibleIndexRule(),
                        withIndex(PLAIN, "customers_name_idx", false, "", "name"))),
                silent("unique index beside a plain one on other columns", judged(new MysqlDuplicateIndexRule(),
                        withIndex(withIndex(PLAIN, "name_uq", true, "", "name"), "name_id_idx", false, "", "id", "name"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flagged")
    void flagsMysqlTableDesignProblems(Case input, Severity severity, List<String> fragments) {
        Finding finding = input.rule().evaluate(input.table(), RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, input.rule().info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptsSoundMysqlTables(Case input) {
        assertThat(input.rule().evaluate(input.table(), RuleSettings.defaults())).isEmpty();
    }

    @Test
    void floatForMoneyDoesNotNameMeasurements() {
        Finding finding = new MysqlFloatForMoneyRule().evaluate(innodb(table("shop.prices")
                .column("unit_price", "double").column("weight", "double")), RuleSettings.defaults()).orElseThrow();
        assertThat(finding.message()).doesNotContain("weight");
    }

    /** A rule and the table it judges. */
    record Case(TableRule rule, TableSnapshot table) {
    }

    private static Case judged(TableRule rule, TableSnapshot table) {
        return new Case(rule, table);
    }
}
