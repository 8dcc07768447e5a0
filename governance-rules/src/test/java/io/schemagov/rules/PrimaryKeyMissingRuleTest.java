package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
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

class PrimaryKeyMissingRuleTest {

    private final PrimaryKeyMissingRule rule = new PrimaryKeyMissingRule();

    static Stream<Arguments> tablesWithoutPrimaryKey() {
        return Stream.of(
                fires("table with only ordinary columns", table("public.events").column("payload", "jsonb").build(),
                        Severity.HIGH, "public.events has no primary key"),
                fires("partitioned table", table("public.measurements").partitioned().column("id", "bigint").build(),
                        Severity.HIGH, "public.measurements has no primary key"),
                fires("unique index on NOT NULL column is named as the candidate",
                        table("shop.customers").column("email", "text", true).unique("customers_email_key", "email")
                                .build(),
                        Severity.HIGH, "shop.customers has no primary key",
                        "unique index customers_email_key on (email) could become it"),
                fires("unique index on nullable column",
                        table("shop.customers").column("email", "text").unique("customers_email_key", "email").build(),
                        Severity.HIGH, "shop.customers has no primary key"));
    }

    static Stream<Named<TableSnapshot>> tablesThatAreFine() {
        return Stream.of(
                silent("table with a primary key", table("public.orders").column("id", "bigint", true)
                        .primaryKey("id").build()),
                silent("partitioned table with a primary key", table("public.measurements").partitioned()
                        .primaryKey("id", "taken_at").build()),
                silent("view", table("public.order_totals").kind("view").column("total", "numeric").build()),
                silent("materialized view", table("public.daily_sales").kind("materialized view").build()),
                silent("foreign table", table("public.remote_orders").kind("foreign table").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tablesWithoutPrimaryKey")
    void flagsTableWithoutPrimaryKey(TableSnapshot table, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(table, RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, rule.info(), severity, fragments);
        assertThat(finding.schema()).isEqualTo(table.getSchemaName());
        assertThat(finding.table()).isEqualTo(table.getTableName());
        assertThat(finding.object()).isEqualTo(table.getSchemaName() + "." + table.getTableName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tablesThatAreFine")
    void acceptsTableWithPrimaryKeyOrNoRowsOfItsOwn(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void doesNotOfferANullableUniqueIndexAsTheKey() {
        TableSnapshot table = table("shop.customers").column("email", "text").unique("customers_email_key", "email")
                .build();

        assertThat(rule.evaluate(table, RuleSettings.defaults()).orElseThrow().message())
                .doesNotContain("could become it");
    }
}
