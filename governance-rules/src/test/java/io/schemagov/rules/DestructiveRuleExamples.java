package io.schemagov.rules;

import static io.schemagov.rules.ChangeRuleExamples.alter;
import static io.schemagov.rules.LockFixtures.huge;
import static io.schemagov.rules.LockFixtures.withColumn;
import static io.schemagov.rules.LockFixtures.withConstraint;
import static io.schemagov.rules.RuleExamples.of;
import static io.schemagov.rules.RuleExamples.same;
import static io.schemagov.rules.RuleExamples.session;

import io.schemagov.model.ConstraintType;
import io.schemagov.model.TableSnapshot;
import java.util.Map;

/** The events the capture records for the destructive rules' documented examples and fixes. */
final class DestructiveRuleExamples {

    private static final String ORDERS_FKEY = "orders_customer_id_fkey";

    private DestructiveRuleExamples() {
    }

    static Map<String, RuleExamples> all() {
        return Map.ofEntries(
                Map.entry("schema-dropped", of(
                        sql -> EventExtras.withDropped(session(Events.ddl("DROP SCHEMA", "reporting", sql)
                                .objectType("schema"), sql), EventExtras.schema("reporting", true)),
                        sql -> session(Events.ddl("REVOKE", null, sql), sql))),
                Map.entry("table-truncated", of(
                        sql -> session(Events.ddl("TRUNCATE TABLE", "public.orders", sql).objectType("table")
                                .object("TRUNCATE TABLE", "table", "public.orders").tables(huge()), sql),
                        sql -> session(Events.ddl("DELETE", "public.orders", sql).tables(huge()), sql))),
                Map.entry("drop-cascade", of(
                        sql -> session(droppedOrders(sql).dropped("view", "public.order_totals", false), sql),
                        // The view is dropped by its own command; the table's drop takes only its own row type.
                        sql -> session(droppedOrders(sql), sql))),
                Map.entry("table-renamed", of(
                        sql -> session(Events.ddl("ALTER TABLE", "public.purchases", sql).objectType("table")
                                .tables(Tables.table("public.purchases").column("id", "bigint", true).build()), sql),
                        sql -> session(Events.ddl("CREATE VIEW", "public.purchases", sql).objectType("view"), sql))),
                Map.entry("column-renamed", of(
                        sql -> session(alter(sql, withColumn(huge(), "remark", "text", false)), sql),
                        sql -> session(alter(sql, withColumn(withColumn(huge(), "note", "text", false), "remark",
                                "text", false)), sql))),
                Map.entry("schema-renamed", of(
                        sql -> session(Events.ddl("ALTER SCHEMA", "commerce", sql).objectType("schema"), sql),
                        sql -> session(Events.ddl("CREATE SCHEMA", "commerce", sql).objectType("schema"), sql))),
                Map.entry("not-null-dropped", same(sql -> session(alter(sql,
                        withColumn(huge(), "note", "text", false)), sql))),
                Map.entry("foreign-key-dropped", of(
                        sql -> session(alter(sql, huge()).dropped("table constraint", ORDERS_FKEY + " on public.orders",
                                true), sql),
                        sql -> session(alter(sql, withConstraint(huge(), ORDERS_FKEY, ConstraintType.FOREIGN_KEY,
                                "FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE RESTRICT NOT VALID",
                                false, "customer_id")).dropped("table constraint", ORDERS_FKEY + " on public.orders",
                                true), sql))),
                Map.entry("type-narrowed", of(
                        sql -> session(alter(sql, withColumn(orders(), "email", "character varying(50)", false))
                                .rewrite("public.orders", "column type or storage change"), sql),
                        sql -> session(alter(sql, withConstraint(withColumn(orders(), "email", "text", false),
                                "orders_email_length", ConstraintType.CHECK,
                                "CHECK ((char_length(email) <= 50)) NOT VALID", false, "email")), sql))));
    }

    private static Events.Builder droppedOrders(String sql) {
        return Events.ddl("DROP TABLE", "public.orders", sql).objectType("table")
                .dropped("table", "public.orders", true).dropped("type", "public.orders", false);
    }

    /** public.orders of 12M rows without its email column, for the examples that change that column. */
    private static TableSnapshot orders() {
        return Tables.table("public.orders").primaryKey("id").column("customer_id", "bigint")
                .column("total", "numeric").size(LockFixtures.HUGE_ROWS, LockFixtures.HUGE_BYTES).build();
    }
}
