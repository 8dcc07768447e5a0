package io.schemagov.rules;

import static io.schemagov.rules.Events.ddl;
import static io.schemagov.rules.Tables.table;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deterministic corpus of schema changes shaped like a busy fleet's migrations: table creations, index builds
 * with and without CONCURRENTLY, column additions and type changes, constraints, renames, drops, inline
 * suppressions, multi-statement migrations and baselines, over tables from empty to 20 million rows and from 8 to
 * 26 columns.
 */
final class BenchmarkCorpus {

    private static final long[] ROWS = {0, 800, 5_000, 40_000, 250_000, 3_000_000, 20_000_000};

    private BenchmarkCorpus() {
    }

    static List<SchemaChangeEvent> of(int size) {
        List<SchemaChangeEvent> events = new ArrayList<>(size);
        for (int i = 0; events.size() < size; i++) {
            events.add(event(i));
        }
        return events;
    }

    private static SchemaChangeEvent event(int i) {
        String t = "t" + (i % 997);
        String q = "public." + t;
        TableSnapshot table = snapshot(t, ROWS[i % ROWS.length], i);
        return switch (i % 16) {
            case 0 -> ddl("CREATE TABLE", q, "CREATE TABLE " + t + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "customer_id bigint REFERENCES customers (id), total numeric(12,2), created_at timestamptz, "
                    + "updated_at timestamptz)").objectType("table").object("CREATE TABLE", "table", q).tables(table).build();
            case 1 -> ddl("CREATE INDEX", q + "_customer_idx", "CREATE INDEX " + t + "_customer_idx ON " + t
                    + " (customer_id)").objectType("index").tables(table).build();
            case 2 -> ddl("CREATE INDEX", q + "_total_idx", "CREATE INDEX CONCURRENTLY " + t + "_total_idx ON " + t
                    + " (total)").objectType("index").tables(table).build();
            case 3 -> ddl("ALTER TABLE", q, "ALTER TABLE " + t + " ADD COLUMN note text").objectType("table")
                    .tables(table).build();
            case 4 -> ddl("ALTER TABLE", q, "ALTER TABLE " + t + " ADD COLUMN status int NOT NULL DEFAULT 0")
                    .objectType("table").tables(table).build();
            case 5 -> ddl("ALTER TABLE", q, "ALTER TABLE " + t + " ALTER COLUMN total TYPE numeric(14,2)")
                    .objectType("table").rewrite(q, "ALTER COLUMN TYPE").tables(table).build();
            case 6 -> ddl("ALTER TABLE", q, "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_customer_fk FOREIGN KEY "
                    + "(customer_id) REFERENCES customers (id)").objectType("table").tables(table).build();
            case 7 -> ddl("ALTER TABLE", q, "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_total_check CHECK "
                    + "(total >= 0) NOT VALID").objectType("table").tables(table).build();
            case 8 -> ddl("ALTER TABLE", q, "ALTER TABLE " + t + " ALTER COLUMN customer_id SET NOT NULL")
                    .objectType("table").tables(table).build();
            case 9 -> ddl("ALTER TABLE", q, "ALTER TABLE " + t + " RENAME COLUMN note TO remark").objectType("table")
                    .tables(table).build();
            case 10 -> ddl("DROP INDEX", q + "_total_idx", "DROP INDEX " + t + "_total_idx").objectType("index")
                    .dropped("index", q + "_total_idx", true).tables(table).build();
            case 11 -> ddl("DROP TABLE", q, "DROP TABLE " + t + " CASCADE").objectType("table")
                    .dropped("table", q, true).build();
            case 12 -> ddl("CREATE INDEX", q + "_created_idx", "CREATE INDEX " + t + "_created_idx ON " + t
                    + " (created_at) -- schemagov:ignore index-without-concurrently built in the maintenance window")
                    .objectType("index").tables(table).build();
            case 13 -> ddl("ALTER TABLE", q, "BEGIN; SET lock_timeout = '2s'; ALTER TABLE " + t + " ADD COLUMN "
                    + "region text; ALTER TABLE " + t + " ALTER COLUMN region SET DEFAULT 'eu'; COMMIT;")
                    .objectType("table").tables(table).build();
            case 14 -> ddl("ALTER TABLE", q, "ALTER TABLE " + t + " DROP COLUMN tags").objectType("table")
                    .dropped("table column", q + ".tags", true).tables(table).build();
            default -> Events.baseline(table).build();
        };
    }

    /** Tables that vary in shape so that design rules both pass and fire. */
    private static TableSnapshot snapshot(String name, long rows, int i) {
        Tables.Builder table = table("public." + name).column("id", i % 5 == 0 ? "integer" : "bigint", true)
                .column("customer_id", "bigint").column("total", i % 3 == 0 ? "double precision" : "numeric(12,2)")
                .column("created_at", i % 4 == 0 ? "timestamp without time zone" : "timestamp with time zone")
                .column("updated_at", "timestamp with time zone").column("tags", "text")
                .column("phone1", "text").column("phone2", "text")
                .foreignKey(name + "_customer_fk", "public.customers", "customer_id");
        if (i % 3 != 1) {
            wide(table, i);
        }
        table.size(rows, rows * 120);
        if (i % 7 != 0) {
            table.primaryKey("id");
        }
        if (i % 2 == 0) {
            table.index(name + "_customer_idx", "customer_id");
        }
        if (i % 6 == 0) {
            table.index(name + "_customer_total_idx", "customer_id", "total").index(name + "_dup_idx", "customer_id");
        }
        return table.build();
    }

    /** Two tables in three are wide, as in most applications' schemas: 18 more columns of the usual kinds. */
    private static void wide(Tables.Builder table, int i) {
        table.column("status", "text", true).column("email", "character varying(255)")
                .column("first_name", "character varying(100)").column("last_name", "character varying(100)")
                .column("shipping_address", "text").column("billing_address", "text").column("country", "text")
                .column("metadata", i % 5 == 1 ? "json" : "jsonb").column("discount", "numeric(5,2)")
                .column("currency", "character(3)").column("quantity", "integer", true)
                .column("weight_grams", "integer").column("notes", "text").column("external_ref", "uuid")
                .column("is_gift", "boolean", true).column("shipped_at", "timestamp with time zone")
                .column("deleted_at", "timestamp with time zone").column("version", "integer", true);
    }

    /** How many events of each kind the corpus holds and how wide its tables are, for the benchmark's header. */
    static String describe(List<SchemaChangeEvent> corpus) {
        Map<String, Integer> kinds = new TreeMap<>();
        long tables = 0;
        long columns = 0;
        for (SchemaChangeEvent event : corpus) {
            kinds.merge(event.getCommandTag(), 1, Integer::sum);
            for (TableSnapshot table : event.getTables()) {
                tables++;
                columns += table.getColumns().size();
            }
        }
        return kinds + String.format(Locale.ROOT, ", %,d table snapshots of %.1f columns on average", tables,
                columns / (double) Math.max(1, tables));
    }
}
