package io.schemagov.rules;

import static io.schemagov.rules.MysqlFixtures.innodb;
import static io.schemagov.rules.MysqlFixtures.mariaDb;
import static io.schemagov.rules.MysqlFixtures.on;
import static io.schemagov.rules.MysqlFixtures.withIndex;
import static io.schemagov.rules.Tables.table;

import io.schemagov.model.TableSnapshot;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the MariaDB capture records for the MariaDB/MySQL rules' documented examples and fixes. */
final class MysqlRuleExamples {

    private MysqlRuleExamples() {
    }

    static Map<String, RuleExamples> all() {
        return Map.ofEntries(
                alter("mysql-algorithm-copy", MysqlRuleExamples::orders),
                alter("mysql-lock-shared-or-exclusive", MysqlRuleExamples::orders),
                alter("mysql-table-rebuild", MysqlRuleExamples::orders),
                alter("mysql-column-position-prevents-instant", MysqlRuleExamples::orders),
                alter("mysql-large-table-without-online-schema-change", () -> innodb(table("shop.events")
                        .primaryKey("id").column("id", "bigint(20)").column("created_at", "datetime")
                        .size(5_000_000, 2 * Tables.GB))),
                alter("mysql-enum-or-set-changed", MysqlRuleExamples::orders),
                state("mysql-non-innodb-engine", () -> on(auditLog(), "MyISAM", "utf8mb4_general_ci"),
                        () -> on(auditLog(), "InnoDB", "utf8mb4_general_ci")),
                state("mysql-legacy-charset", () -> on(customers(), "InnoDB", "latin1_swedish_ci"),
                        () -> on(customers(), "InnoDB", "utf8mb4_general_ci")),
                state("mysql-legacy-utf", () -> on(messages(), "InnoDB", "utf8mb3_general_ci"),
                        () -> on(messages(), "InnoDB", "utf8mb4_general_ci")),
                state("mysql-zerofill-or-display-width",
                        () -> innodb(table("shop.invoices").primaryKey("id").column("id", "bigint(20)")
                                .column("number", "int(8) unsigned zerofill", true)),
                        () -> innodb(table("shop.invoices").primaryKey("id").column("id", "bigint(20)")
                                .column("number", "char(8)", true))),
                state("mysql-float-for-money",
                        () -> innodb(table("shop.prices").primaryKey("id").column("id", "bigint(20)")
                                .column("unit_price", "double", true)),
                        () -> innodb(table("shop.prices").primaryKey("id").column("id", "bigint(20)")
                                .column("unit_price", "decimal(12,4)", true))),
                state("mysql-invisible-index",
                        () -> withIndex(statusOrders(), "orders_status_idx", false, " IGNORED", "status"),
                        () -> withIndex(statusOrders(), "orders_status_idx", false, "", "status")),
                state("mysql-duplicate-index",
                        () -> withIndex(withIndex(customerOrders(), "orders_customer_idx", false, "", "customer_id"),
                                "orders_customer_placed_idx", false, "", "customer_id", "placed_at"),
                        () -> withIndex(customerOrders(), "orders_customer_placed_idx", false, "", "customer_id",
                                "placed_at")));
    }

    /** An ALTER TABLE (or CREATE INDEX) of the SQL on the table, for example and fix alike. */
    private static Map.Entry<String, RuleExamples> alter(String id, Supplier<TableSnapshot> table) {
        Function<String, Object> event = sql -> mariaDb(sql.startsWith("CREATE INDEX") ? "CREATE INDEX" : "ALTER TABLE",
                sql, table.get());
        return Map.entry(id, RuleExamples.same(event));
    }

    private static Map.Entry<String, RuleExamples> state(String id, Supplier<TableSnapshot> example,
            Supplier<TableSnapshot> fix) {
        return Map.entry(id, RuleExamples.of(sql -> example.get(), sql -> fix.get()));
    }

    private static TableSnapshot orders() {
        return innodb(table("shop.orders").primaryKey("id").column("id", "bigint(20)")
                .column("status", "enum('new','paid','cancelled')", true).column("note", "varchar(300)")
                .size(50_000, 6_000_000));
    }

    private static TableSnapshot statusOrders() {
        return innodb(table("shop.orders").primaryKey("id").column("id", "bigint(20)").column("status", "varchar(20)"));
    }

    private static TableSnapshot customerOrders() {
        return innodb(table("shop.orders").primaryKey("id").column("id", "bigint(20)").column("customer_id", "bigint(20)")
                .column("placed_at", "datetime"));
    }

    private static TableSnapshot auditLog() {
        return table("shop.audit_log").primaryKey("id").column("id", "bigint(20)").column("line", "text").build();
    }

    private static TableSnapshot customers() {
        return table("shop.customers").primaryKey("id").column("id", "bigint(20)").column("name", "varchar(100)").build();
    }

    private static TableSnapshot messages() {
        return table("shop.messages").primaryKey("id").column("id", "bigint(20)").column("body", "text").build();
    }
}
