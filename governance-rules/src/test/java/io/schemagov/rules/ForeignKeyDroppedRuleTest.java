package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Events.ddl;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForeignKeyDroppedRuleTest {

    private final ForeignKeyDroppedRule rule = new ForeignKeyDroppedRule();

    private static final TableSnapshot ORDERS = table("public.orders").column("id", "bigint", true)
            .column("customer_id", "bigint").primaryKey("id").build();

    private static Events.Builder alter(String statement) {
        return ddl("ALTER TABLE", "public.orders", statement).objectType("table").tables(ORDERS);
    }

    /** What PostgreSQL drops with a foreign key: two action triggers on the parent, two check triggers here. */
    private static Events.Builder withRiTriggers(Events.Builder event, String table, String parent) {
        return event.dropped("trigger", "\"RI_ConstraintTrigger_a_16404\" on " + parent, false)
                .dropped("trigger", "\"RI_ConstraintTrigger_a_16405\" on " + parent, false)
                .dropped("trigger", "\"RI_ConstraintTrigger_c_16406\" on " + table, false)
                .dropped("trigger", "\"RI_ConstraintTrigger_c_16407\" on " + table, false);
    }

    static Stream<Arguments> droppedForeignKeys() {
        return Stream.of(
                fires("DROP CONSTRAINT of a foreign key", withRiTriggers(alter(
                        "ALTER TABLE orders DROP CONSTRAINT ord_customer")
                        .dropped("table constraint", "ord_customer on public.orders", true),
                        "public.orders", "public.customers").build(), Severity.MEDIUM,
                        "ALTER TABLE dropped foreign key ord_customer of public.orders: PostgreSQL no longer checks "
                                + "that its rows reference existing rows"),
                fires("known by PostgreSQL's name alone", alter("ALTER TABLE orders DROP CONSTRAINT "
                        + "orders_customer_id_fkey").dropped("table constraint",
                        "orders_customer_id_fkey on public.orders", true).build(), Severity.MEDIUM,
                        "dropped foreign key orders_customer_id_fkey of public.orders"),
                fires("dropped with the referenced table", withRiTriggers(ddl("DROP TABLE", null,
                        "DROP TABLE customers CASCADE").dropped("table", "public.customers", true)
                        .dropped("table constraint", "ord_customer on public.orders", false),
                        "public.orders", "public.customers").build(), Severity.MEDIUM,
                        "DROP TABLE dropped foreign key ord_customer of public.orders along with public.customers"),
                fires("told apart from a check dropped with it", withRiTriggers(alter(
                        "ALTER TABLE orders DROP CONSTRAINT ord_customer, DROP CONSTRAINT orders_id_check")
                        .dropped("table constraint", "ord_customer on public.orders", true)
                        .dropped("table constraint", "orders_id_check on public.orders", true),
                        "public.orders", "public.customers").build(), Severity.MEDIUM, "foreign key ord_customer"),
                fires("MariaDB DROP FOREIGN KEY", MysqlFixtures.fromMariaDb(ddl("ALTER TABLE", "shop.orders",
                        "ALTER TABLE orders DROP FOREIGN KEY ord_customer").objectType("table")
                        .dropped("table constraint", "ord_customer on shop.orders", true).build()), Severity.MEDIUM,
                        "ALTER TABLE dropped foreign key ord_customer of shop.orders: the database no longer checks"));
    }

    static Stream<Named<SchemaChangeEvent>> otherDrops() {
        return Stream.of(
                silent("check constraint", alter("ALTER TABLE orders DROP CONSTRAINT orders_id_check")
                        .dropped("table constraint", "orders_id_check on public.orders", true).build()),
                silent("unique constraint", alter("ALTER TABLE orders DROP CONSTRAINT orders_code_key")
                        .dropped("table constraint", "orders_code_key on public.orders", true)
                        .dropped("index", "public.orders_code_key", false).build()),
                silent("re-created in the same command", ddl("ALTER TABLE", "public.orders",
                        "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey, ADD CONSTRAINT "
                                + "orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers ON DELETE "
                                + "CASCADE NOT VALID").objectType("table")
                        .tables(table("public.orders").foreignKey("orders_customer_id_fkey", "public.customers",
                                "customer_id").build())
                        .dropped("table constraint", "orders_customer_id_fkey on public.orders", true).build()),
                silent("keys of a dropped table", withRiTriggers(ddl("DROP TABLE", null, "DROP TABLE orders")
                        .dropped("table", "public.orders", true)
                        .dropped("table constraint", "ord_customer on public.orders", false),
                        "public.orders", "public.customers").build()),
                silent("MariaDB key re-created under its name", MysqlFixtures.fromMariaDb(ddl("ALTER TABLE",
                        "shop.orders", "ALTER TABLE orders DROP FOREIGN KEY ord_customer, ADD CONSTRAINT ord_customer "
                                + "FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE")
                        .objectType("table").tables(table("shop.orders").foreignKey("ord_customer", "shop.customers",
                                "customer_id").build())
                        .dropped("table constraint", "ord_customer on shop.orders", true).build())),
                silent("key of a dropped column", withRiTriggers(alter("ALTER TABLE orders DROP customer_id")
                        .dropped("table column", "public.orders.customer_id", true)
                        .dropped("table constraint", "ord_customer on public.orders", false),
                        "public.orders", "public.customers").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("droppedForeignKeys")
    void flagsDroppedForeignKey(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).message()).doesNotContain("orders_id_check");
        assertThat(findings.get(0).table()).isEqualTo("orders");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherDrops")
    void staysQuietWhenNoForeignKeyOfASurvivingTableWent(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void reportsAPartitionedTablesKeyOnceNotPerPartition() {
        SchemaChangeEvent event = ddl("ALTER TABLE", "public.metrics",
                "ALTER TABLE metrics DROP CONSTRAINT metrics_host_id_fkey").objectType("table")
                .dropped("table constraint", "metrics_host_id_fkey on public.metrics", true)
                .dropped("table constraint", "metrics_host_id_fkey on public.metrics_2024", false).build();

        assertThat(rule.evaluate(event, RuleSettings.defaults())).extracting(Finding::object)
                .containsExactly("public.metrics.metrics_host_id_fkey");
    }
}
