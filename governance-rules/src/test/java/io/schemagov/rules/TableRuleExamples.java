package io.schemagov.rules;

import static io.schemagov.rules.Tables.table;

import io.schemagov.model.TableSnapshot;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The table snapshots the capture records after the table-state rules' documented examples and fixes run, as the
 * catalog shows them (type names as format_type writes them, constraints as pg_get_constraintdef does).
 */
final class TableRuleExamples {

    private static final String TIMESTAMPTZ = "timestamp with time zone";

    private TableRuleExamples() {
    }

    static Map<String, RuleExamples> all() {
        return Map.ofEntries(
                state("primary-key-missing",
                        () -> table("public.import_lines").column("line", "text", true)
                                .column("imported_at", TIMESTAMPTZ, true).build(),
                        () -> TableExtras.of(table("public.import_lines").primaryKey("id")).identity("id", "bigint")
                                .column("line", "text", "S", true).column("imported_at", TIMESTAMPTZ, "D", true)
                                .build()),
                state("foreign-key-without-index",
                        () -> orderLines().build(),
                        () -> orderLines().index("order_lines_order_id_idx", "order_id").build()),
                state("timestamp-without-time-zone",
                        () -> shipments("timestamp without time zone"),
                        () -> shipments(TIMESTAMPTZ)),
                state("primary-key-type",
                        () -> TableExtras.of(table("public.customers").primaryKey("id")).serial("id", "integer")
                                .column("name", "text", "S", true).build(),
                        () -> TableExtras.of(table("public.customers").primaryKey("id")).identity("id", "bigint")
                                .column("name", "text", "S", true).build()),
                state("foreign-key-type-mismatch",
                        () -> invoices("integer", "ON DELETE RESTRICT"),
                        () -> invoices("bigint", "ON DELETE RESTRICT")),
                state("on-delete-not-stated",
                        () -> orderLinesReferencing(null),
                        () -> orderLinesReferencing("ON DELETE CASCADE")),
                state("duplicate-index",
                        () -> orders().index("orders_customer_idx", "customer_id")
                                .index("orders_customer_idx1", "customer_id").build(),
                        () -> orders().index("orders_customer_idx", "customer_id").build()),
                state("redundant-index",
                        () -> orders().index("orders_customer_idx", "customer_id")
                                .index("orders_customer_placed_idx", "customer_id", "placed_at").build(),
                        () -> orders().index("orders_customer_placed_idx", "customer_id", "placed_at").build()),
                state("too-many-indexes",
                        () -> tenIndexes().index("orders_legacy_idx", "legacy").index("orders_status_idx", "status")
                                .build(),
                        () -> tenIndexes().index("orders_status_idx", "status").build()),
                state("audit-columns-missing",
                        () -> payments().build(),
                        () -> payments().column("created_at", TIMESTAMPTZ, true).column("updated_at", TIMESTAMPTZ,
                                true).build()),
                state("name-not-snake-case",
                        () -> table("public.payments").primaryKey("id").column("id", "bigint", true)
                                .column("customerId", "bigint", true).build(),
                        () -> table("public.payments").primaryKey("id").column("id", "bigint", true)
                                .column("customer_id", "bigint", true).build()),
                state("identifier-length-limit",
                        // PostgreSQL truncates the example's 71-byte column name to its first 63 bytes.
                        () -> deliveries("preferred_delivery_window_start_in_the_local_time_zone_of_the_customer"
                                .substring(0, 63)),
                        () -> deliveries("window_start_local")),
                state("reserved-word-name",
                        () -> table("public.user").primaryKey("id").column("id", "bigint", true)
                                .column("order", "integer", true).build(),
                        () -> table("public.app_user").primaryKey("id").column("id", "bigint", true)
                                .column("sort_order", "integer", true).build()),
                state("varchar-length-limit",
                        () -> products().column("code", "character varying(20)", true).build(),
                        () -> TableExtras.of(products().column("code", "text", true))
                                .check("products_code_length", "CHECK ((char_length(code) <= 20))", "code").build()),
                state("json-instead-of-jsonb",
                        () -> webhooks("json"),
                        () -> webhooks("jsonb")),
                state("money-or-float-for-amounts",
                        () -> prices("double precision"),
                        () -> prices("numeric(12,4)")),
                state("enum-type-column",
                        () -> TableExtras.of(orders()).column("status", "order_status", "E", true).build(),
                        () -> TableExtras.of(orders()).column("status", "text", "S", true).check("orders_status_check",
                                "CHECK ((status = ANY (ARRAY['paid'::text, 'shipped'::text])))", "status").build()),
                state("all-columns-nullable",
                        () -> table("public.notes").column("id", "bigint").column("body", "text").build(),
                        () -> table("public.notes").column("id", "bigint", true).column("body", "text").build()),
                state("repeating-column-group",
                        () -> table("public.contacts").primaryKey("id").column("id", "bigint", true)
                                .column("phone1", "text").column("phone2", "text").column("phone3", "text").build(),
                        () -> table("public.contact_phones").primaryKey("contact_id", "position")
                                .column("contact_id", "bigint", true).column("position", "smallint", true)
                                .column("phone", "text", true).build()),
                state("comma-separated-list-column",
                        () -> posts("text"),
                        () -> posts("bigint[]")),
                state("polymorphic-association",
                        () -> comments().build(),
                        () -> TableExtras.of(comments()).check("comments_commentable_type_check",
                                "CHECK ((commentable_type = ANY (ARRAY['Post'::text, 'Photo'::text])))",
                                "commentable_type").build()),
                state("tenant-table-without-rls",
                        () -> TableExtras.of(invoicesOfTenants()).build(),
                        () -> TableExtras.of(invoicesOfTenants()).rowSecurity().build()),
                state("password-column-plaintext",
                        () -> users("password"),
                        () -> users("password_hash")),
                state("soft-delete-without-partial-index",
                        () -> accounts().index("accounts_email_idx", "email").build(),
                        () -> accounts().partialIndex("accounts_email_live_idx", "(deleted_at IS NULL)", "email")
                                .build()),
                state("unique-over-nullable-columns",
                        () -> TableExtras.of(table("public.accounts").primaryKey("id").column("id", "bigint", true)
                                .column("external_ref", "text")).unique("accounts_external_ref_key", false,
                                "external_ref").build(),
                        () -> TableExtras.of(table("public.accounts").primaryKey("id").column("id", "bigint", true)
                                .column("external_ref", "text", true)).unique("accounts_external_ref_key", false,
                                "external_ref").build()),
                // A failed CREATE INDEX CONCURRENTLY leaves its index behind; the fix drops it.
                state("invalid-index",
                        () -> customers().invalidIndex("customers_email_key", "email").build(),
                        () -> customers().build()));
    }

    private static Map.Entry<String, RuleExamples> state(String id, Supplier<TableSnapshot> example,
            Supplier<TableSnapshot> fix) {
        return Map.entry(id, RuleExamples.of(sql -> example.get(), sql -> fix.get()));
    }

    private static Tables.Builder orders() {
        return table("public.orders").primaryKey("id").column("id", "bigint", true)
                .column("customer_id", "bigint", true).column("placed_at", TIMESTAMPTZ, true);
    }

    private static Tables.Builder tenIndexes() {
        Tables.Builder orders = orders();
        for (int i = 1; i <= 8; i++) {
            orders.column("c" + i, "text").index("orders_c" + i + "_idx", "c" + i);
        }
        return orders.column("legacy", "text").column("status", "text");
    }

    private static Tables.Builder orderLines() {
        return table("public.order_lines").primaryKey("id").column("id", "bigint", true)
                .column("order_id", "bigint", true).foreignKey("order_lines_order_id_fkey", "public.orders", "order_id")
                .size(50_000, 5_000_000);
    }

    private static TableSnapshot orderLinesReferencing(String action) {
        return TableExtras.of(table("public.order_lines").primaryKey("id").column("id", "bigint", true)
                .column("order_id", "bigint", true).index("order_lines_order_id_idx", "order_id"))
                .foreignKey("order_lines_order_id_fkey", "order_id", "public.orders", "bigint", action).build();
    }

    private static TableSnapshot shipments(String shippedAtType) {
        return table("public.shipments").primaryKey("id").column("id", "bigint", true)
                .column("shipped_at", shippedAtType, true).build();
    }

    private static TableSnapshot invoices(String customerIdType, String action) {
        return TableExtras.of(table("public.invoices").primaryKey("id").column("id", "bigint", true)
                .column("customer_id", customerIdType, true).index("invoices_customer_id_idx", "customer_id"))
                .foreignKey("invoices_customer_id_fkey", "customer_id", "public.customers", "bigint", action).build();
    }

    private static Tables.Builder payments() {
        return table("public.payments").primaryKey("id").column("id", "bigint", true)
                .column("amount", "numeric(12,2)", true);
    }

    private static TableSnapshot deliveries(String column) {
        return table("public.deliveries").primaryKey("id").column("id", "bigint", true)
                .column(column, "time without time zone").build();
    }

    private static Tables.Builder products() {
        return table("public.products").primaryKey("id").column("id", "bigint", true);
    }

    private static TableSnapshot webhooks(String payloadType) {
        return table("public.webhooks").primaryKey("id").column("id", "bigint", true)
                .column("payload", payloadType, true).build();
    }

    private static TableSnapshot prices(String unitPriceType) {
        return table("public.prices").primaryKey("id").column("id", "bigint", true)
                .column("unit_price", unitPriceType, true).build();
    }

    private static TableSnapshot posts(String tagIdsType) {
        return table("public.posts").primaryKey("id").column("id", "bigint", true).column("tag_ids", tagIdsType)
                .build();
    }

    private static Tables.Builder comments() {
        return table("public.comments").primaryKey("id").column("id", "bigint", true)
                .column("commentable_type", "text", true).column("commentable_id", "bigint", true);
    }

    private static Tables.Builder invoicesOfTenants() {
        return table("public.invoices").primaryKey("id").column("id", "bigint", true)
                .column("tenant_id", "bigint", true);
    }

    private static TableSnapshot users(String secretColumn) {
        return table("public.users").primaryKey("id").column("id", "bigint", true).column("email", "text", true)
                .column(secretColumn, "text", true).build();
    }

    private static Tables.Builder accounts() {
        return table("public.accounts").primaryKey("id").column("id", "bigint", true).column("email", "text", true)
                .column("deleted_at", TIMESTAMPTZ);
    }

    private static Tables.Builder customers() {
        return table("public.customers").primaryKey("id").column("id", "bigint", true).column("email", "text", true);
    }
}
