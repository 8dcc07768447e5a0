package io.schemagov.rules;

import static io.schemagov.rules.Tables.GB;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Events and snapshots for the lock rules' tests: ALTER TABLE on public.orders of a chosen size, and extras. */
final class LockFixtures {

    static final long HUGE_ROWS = 12_000_000;
    static final long HUGE_BYTES = (long) (3.1 * GB);

    private LockFixtures() {
    }

    /** public.orders (id, customer_id, total, email) with the given planner estimate and heap size. */
    static TableSnapshot orders(long rows, long bytes) {
        return Tables.table("public.orders").primaryKey("id").column("customer_id", "bigint")
                .column("total", "numeric").column("email", "text").size(rows, bytes).build();
    }

    static TableSnapshot huge() {
        return orders(HUGE_ROWS, HUGE_BYTES);
    }

    static TableSnapshot large() {
        return orders(2_500_000, 400_000_000);
    }

    static TableSnapshot medium() {
        return orders(250_000, 40_000_000);
    }

    static TableSnapshot small() {
        return orders(850, 65536);
    }

    static TableSnapshot empty() {
        return orders(-1, 0);
    }

    /** A partitioned public.orders: the parent holds no rows and its partitions were not captured. */
    static TableSnapshot partitioned() {
        return Tables.table("public.orders").partitioned().column("id", "bigint").column("customer_id", "bigint")
                .column("email", "text").build();
    }

    /** An ALTER TABLE event on public.orders with this text and snapshot. */
    static Events.Builder alter(String sql, TableSnapshot orders) {
        return Events.ddl("ALTER TABLE", "public.orders", sql).objectType("table")
                .object("ALTER TABLE", "table", "public.orders").tables(orders);
    }

    static SchemaChangeEvent alterOrders(String sql, TableSnapshot orders) {
        return alter(sql, orders).build();
    }

    /** public.orders with the index orders_customer_idx, as CREATE INDEX and REINDEX events capture it. */
    static TableSnapshot indexed(long rows, long bytes) {
        return Tables.table("public.orders").primaryKey("id").index("orders_customer_idx", "customer_id")
                .size(rows, bytes).build();
    }

    /** A CREATE INDEX or REINDEX event on public.orders_customer_idx. */
    static SchemaChangeEvent indexCommand(String commandTag, String sql, TableSnapshot orders) {
        return Events.ddl(commandTag, "public.orders_customer_idx", sql).objectType("index")
                .object(commandTag, "index", "public.orders_customer_idx").tables(orders).build();
    }

    /** The event with the session settings the capture reads: null means unknown, 0 means none. */
    static SchemaChangeEvent session(SchemaChangeEvent event, Long lockTimeoutMs, Long statementTimeoutMs,
            boolean inTransactionBlock) {
        return SchemaChangeEvent.newBuilder(event).setLockTimeoutMs(lockTimeoutMs)
                .setStatementTimeoutMs(statementTimeoutMs).setInTransactionBlock(inTransactionBlock).build();
    }

    static SchemaChangeEvent inTransactionBlock(SchemaChangeEvent event) {
        return session(event, event.getLockTimeoutMs(), event.getStatementTimeoutMs(), true);
    }

    /** The table with one more constraint, as pg_get_constraintdef prints it. */
    static TableSnapshot withConstraint(TableSnapshot table, String name, ConstraintType type, String definition,
            boolean validated, String... columns) {
        List<ConstraintSnapshot> constraints = new ArrayList<>(table.getConstraints());
        constraints.add(ConstraintSnapshot.newBuilder().setName(name).setType(type).setDefinition(definition)
                .setValidated(validated).setColumns(List.of(columns)).build());
        return TableSnapshot.newBuilder(table).setConstraints(constraints).build();
    }

    /** The table with one more column. */
    static TableSnapshot withColumn(TableSnapshot table, String name, String dataType, boolean notNull) {
        List<ColumnSnapshot> columns = new ArrayList<>(table.getColumns());
        columns.add(ColumnSnapshot.newBuilder().setName(name).setPosition(columns.size() + 1).setDataType(dataType)
                .setNotNull(notNull).build());
        return TableSnapshot.newBuilder(table).setColumns(columns).build();
    }

    /** The table with a column's NOT NULL flag set as given. */
    static TableSnapshot withNotNull(TableSnapshot table, String column, boolean notNull) {
        List<ColumnSnapshot> columns = table.getColumns().stream()
                .map(c -> c.getName().equals(column) ? ColumnSnapshot.newBuilder(c).setNotNull(notNull).build() : c)
                .toList();
        return TableSnapshot.newBuilder(table).setColumns(columns).build();
    }

    /** What the rule finds in the event with the default size thresholds. */
    static List<Finding> evaluate(ChangeRule rule, SchemaChangeEvent event) {
        return rule.evaluate(event, RuleSettings.defaults());
    }
}
