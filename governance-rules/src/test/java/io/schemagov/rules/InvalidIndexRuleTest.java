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

class InvalidIndexRuleTest {

    private final InvalidIndexRule rule = new InvalidIndexRule();

    private static Tables.Builder customers() {
        return table("public.customers").primaryKey("id").column("email", "text").size(12_000_000, 3 * Tables.GB);
    }

    static Stream<Arguments> invalidIndexes() {
        return Stream.of(
                fires("failed unique build", customers().invalidIndex("customers_email_key", "email").build(),
                        Severity.HIGH, "public.customers has an INVALID index, left by a failed concurrent build "
                                + "or reindex: customers_email_key; the planner ignores it while every write "
                                + "still maintains it"),
                fires("empty table: still HIGH, the leftover stays", table("public.customers").column("email", "text")
                        .invalidIndex("customers_email_key", "email").build(), Severity.HIGH,
                        "customers_email_key"),
                fires("failed REINDEX CONCURRENTLY next to a valid index", customers()
                        .index("customers_email_idx", "email").invalidIndex("customers_email_idx_ccnew", "email")
                        .build(), Severity.HIGH, "index, left by", ": customers_email_idx_ccnew;"),
                fires("several listed", customers().invalidIndex("a_idx", "email").invalidIndex("b_idx", "id")
                        .build(), Severity.HIGH, "INVALID indexes, left by", "a_idx, b_idx", "ignores them"),
                fires("partitioned parent built ON ONLY", table("public.orders").partitioned()
                        .column("id", "bigint").invalidIndex("orders_customer_idx", "customer_id").build(),
                        Severity.HIGH, "orders_customer_idx; not yet attached to an index of every partition"));
    }

    static Stream<Named<TableSnapshot>> validIndexes() {
        return Stream.of(
                silent("valid indexes", customers().index("customers_email_idx", "email").build()),
                silent("no indexes", table("public.customers").column("email", "text").build()),
                silent("valid partial and unique", customers().unique("customers_email_key", "email")
                        .partialIndex("customers_live_idx", "(deleted_at IS NULL)", "email").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIndexes")
    void flagsIndexesLeftInvalid(TableSnapshot table, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(table, RuleSettings.defaults()).orElseThrow();

        Cases.assertFinding(finding, rule.info(), severity, fragments);
        assertThat(finding.object()).isEqualTo(table.getSchemaName() + "." + table.getTableName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validIndexes")
    void acceptsValidIndexes(TableSnapshot table) {
        assertThat(rule.evaluate(table, RuleSettings.defaults())).isEmpty();
    }
}
