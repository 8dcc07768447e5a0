package io.schemagov.rules;

import static io.schemagov.rules.LockFixtures.HUGE_BYTES;
import static io.schemagov.rules.LockFixtures.HUGE_ROWS;
import static io.schemagov.rules.LockFixtures.huge;
import static io.schemagov.rules.LockFixtures.withColumn;
import static io.schemagov.rules.LockFixtures.withConstraint;
import static io.schemagov.rules.LockFixtures.withNotNull;
import static io.schemagov.rules.RuleExamples.of;
import static io.schemagov.rules.RuleExamples.same;
import static io.schemagov.rules.RuleExamples.session;

import io.schemagov.model.ConstraintType;
import io.schemagov.model.TableSnapshot;
import java.util.Map;

/**
 * The events the capture records for the change rules' documented examples and fixes, on public.orders with 12M
 * rows (so that size never hides a finding): statement text from the SQL, and what PostgreSQL did when running it.
 */
final class ChangeRuleExamples {

    private static final String TYPE_CHANGE = "column type or storage change";
    private static final String VOLATILE_DEFAULT = "column default that must be written to every row";

    private ChangeRuleExamples() {
    }

    static Map<String, RuleExamples> all() {
        return Map.ofEntries(
                Map.entry("table-dropped", of(
                        sql -> session(Events.ddl("DROP TABLE", "public.orders", sql).objectType("table")
                                .dropped("table", "public.orders", true), sql),
                        sql -> session(Events.ddl("REVOKE", null, sql), sql))),
                Map.entry("column-dropped", of(
                        sql -> session(alter(sql, huge()).dropped("table column", "public.orders.note", true), sql),
                        sql -> session(Events.ddl("COMMENT", "public.orders.note", sql).objectType("table column"),
                                sql))),
                Map.entry("table-rewrite", of(
                        sql -> session(alter(sql, huge()).rewrite("public.orders", TYPE_CHANGE), sql),
                        sql -> session(alter(sql, huge()), sql))),
                Map.entry("index-without-concurrently", same(sql -> index("CREATE INDEX", sql))),
                Map.entry("index-dropped-without-concurrently", same(sql -> session(Events.ddl("DROP INDEX", null,
                        sql).dropped("index", "public.orders_customer_idx", true).tables(huge()), sql))),
                Map.entry("concurrently-in-transaction", of(
                        sql -> LockFixtures.inTransactionBlock(session(createIndex(sql), sql)),
                        sql -> session(createIndex(sql), sql))),
                Map.entry("capture-incomplete", of(
                        sql -> session(alter(sql, huge()).captureError("permission denied for table orders"), sql),
                        sql -> session(Events.ddl("GRANT", null, sql), sql))),
                Map.entry("constraint-without-not-valid", of(
                        sql -> session(alter(sql, withForeignKey(true)), sql),
                        sql -> session(alter(sql, withForeignKey(false)), sql))),
                Map.entry("validate-in-same-transaction", same(sql -> session(alter(sql, withCheck(true)), sql))),
                Map.entry("set-not-null-scans-table", of(
                        sql -> session(alter(sql, withNotNull(huge(), "email", true)), sql),
                        sql -> session(alter(sql, withConstraint(withNotNull(huge(), "email", true),
                                "orders_email_not_null", ConstraintType.CHECK, "CHECK ((email IS NOT NULL))", true,
                                "email")), sql))),
                Map.entry("unique-or-primary-key-without-using-index", same(sql -> session(alter(sql,
                        withConstraint(huge(), "orders_email_key", ConstraintType.UNIQUE, "UNIQUE (email)", true,
                                "email")), sql))),
                Map.entry("exclusion-constraint-added", of(
                        sql -> session(alter(sql, huge()), sql),
                        sql -> session(Events.ddl("CREATE TABLE", "public.orders_new", sql).objectType("table")
                                .tables(Tables.table("public.orders_new").column("id", "bigint", true).build()),
                                sql))),
                Map.entry("column-type-change-rewrites", of(
                        sql -> session(alter(sql, huge()).rewrite("public.orders", TYPE_CHANGE), sql),
                        sql -> session(alter(sql, withColumn(huge(), "customer_id_new", "bigint", false)), sql))),
                Map.entry("volatile-default-rewrites", of(
                        sql -> session(alter(sql, withColumn(huge(), "token", "uuid", false))
                                .rewrite("public.orders", VOLATILE_DEFAULT), sql),
                        sql -> session(alter(sql, withColumn(huge(), "token", "uuid", false)), sql))),
                Map.entry("identity-or-serial-added", of(
                        sql -> session(alter(sql, withColumn(huge(), "seq", "bigint", true))
                                .rewrite("public.orders", VOLATILE_DEFAULT), sql),
                        sql -> session(alter(sql, withColumn(huge(), "seq", "bigint", false)), sql))),
                // ADD COLUMN ... NOT NULL without a default succeeds only on an empty table.
                Map.entry("not-null-column-without-default", same(sql -> session(alter(sql,
                        withColumn(LockFixtures.empty(), "region", "text", true)), sql))),
                Map.entry("vacuum-full-or-cluster", of(
                        sql -> VacuumFullOrClusterRuleTest.run("VACUUM FULL", sql, HUGE_ROWS, HUGE_BYTES, HUGE_BYTES,
                                null),
                        sql -> session(Events.ddl("VACUUM", "public.orders", sql).objectType("table"), sql))),
                Map.entry("lock-without-lock-timeout", same(sql -> session(alter(sql,
                        withColumn(huge(), "note", "text", false)), sql))),
                Map.entry("no-statement-timeout", same(sql -> session(alter(sql, withCheck(true)), sql))),
                Map.entry("detach-partition-without-concurrently", same(sql -> session(alter(sql,
                        LockFixtures.partitioned()), sql))),
                Map.entry("enum-value-changed", of(
                        sql -> session(Events.ddl("ALTER TYPE", "public.order_status", sql).objectType("type"), sql),
                        sql -> session(alter(sql, withConstraint(huge(), "orders_status_check",
                                ConstraintType.CHECK, "CHECK ((status = ANY (ARRAY['paid'::text, 'shipped'::text, "
                                        + "'dispatched'::text]))) NOT VALID", false, "status")), sql))),
                Map.entry("reindex-without-concurrently", same(sql -> index("REINDEX", sql))));
    }

    /** An ALTER TABLE event on public.orders. */
    static Events.Builder alter(String sql, TableSnapshot orders) {
        return LockFixtures.alter(sql, orders);
    }

    /** CREATE INDEX as the migration lint records it: the statement alone, no snapshot. */
    private static Events.Builder createIndex(String sql) {
        return Events.ddl("CREATE INDEX", "public.orders_customer_idx", sql).objectType("index");
    }

    private static Object index(String commandTag, String sql) {
        return LockFixtures.session(LockFixtures.indexCommand(commandTag, sql,
                LockFixtures.indexed(HUGE_ROWS, HUGE_BYTES)), 0L, 0L, false);
    }

    private static TableSnapshot withForeignKey(boolean validated) {
        return withConstraint(huge(), "orders_customer_fk", ConstraintType.FOREIGN_KEY,
                "FOREIGN KEY (customer_id) REFERENCES customers(id)" + (validated ? "" : " NOT VALID"), validated,
                "customer_id");
    }

    private static TableSnapshot withCheck(boolean validated) {
        return withConstraint(huge(), "orders_total_check", ConstraintType.CHECK, "CHECK ((total >= (0)::numeric))"
                + (validated ? "" : " NOT VALID"), validated, "total");
    }
}
