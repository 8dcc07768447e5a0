package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SoftDeleteWithoutPartialIndexRuleTest {

    private final SoftDeleteWithoutPartialIndexRule rule = new SoftDeleteWithoutPartialIndexRule();

    private static Tables.Builder customers(String softDeleteColumn, String type) {
        return table("public.customers").column("id", "bigint", true).column("email", "text")
                .column(softDeleteColumn, type).primaryKey("id");
    }

    static Stream<Arguments> unindexedSoftDeletes() {
        return Stream.of(
                fires("deleted_at", customers("deleted_at", "timestamp with time zone")
                        .index("customers_email_idx", "email").build(), Severity.LOW,
                        "public.customers soft-deletes rows with deleted_at but no index has a predicate on it"),
                fires("is_deleted with a partial index on something else", customers("is_deleted", "boolean")
                        .partialIndex("customers_new_idx", "(created_at > '2024-01-01'::date)", "email").build(),
                        Severity.LOW, "soft-deletes rows with is_deleted"),
                fires("predicate on it only in an invalid index", customers("deleted", "boolean")
                        .build(), Severity.LOW, "with deleted but"));
    }

    static Stream<Named<TableSnapshot>> indexedOrNoSoftDelete() {
        return Stream.of(
                silent("partial index on live rows", customers("deleted_at", "timestamp with time zone")
                        .partialIndex("customers_email_live_idx", "(deleted_at IS NULL)", "email").build()),
                silent("partial unique index", TableExtras.of(customers("is_deleted", "boolean"))
                        .index("customers_email_key", true, "(email)", "(NOT is_deleted)", "email").build()),
                silent("no soft delete", table("public.customers").column("id", "bigint", true).build()),
                silent("similar name only", customers("deleted_by", "bigint").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unindexedSoftDeletes")
    void flagsSoftDeleteWithoutPartialIndex(TableSnapshot table, Severity severity, List<String> fragments) {
        Cases.assertFinding(rule.evaluate(table, RuleSettings.defaults()).orElseThrow(), rule.info(), severity,
                fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexedOrNoSoftDelete")
    void acceptsIndexedSoftDelete(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
