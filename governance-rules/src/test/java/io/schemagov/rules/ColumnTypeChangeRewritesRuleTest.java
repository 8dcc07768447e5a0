package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.alter;
import static io.schemagov.rules.LockFixtures.empty;
import static io.schemagov.rules.LockFixtures.huge;
import static io.schemagov.rules.LockFixtures.medium;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ColumnTypeChangeRewritesRuleTest {

    private final ColumnTypeChangeRewritesRule rule = new ColumnTypeChangeRewritesRule();

    /** The capture's label for PostgreSQL's AT_REWRITE_COLUMN_REWRITE. */
    private static final String TYPE_REASON = "column type or storage change";

    static Stream<Arguments> rewritingTypeChanges() {
        return Stream.of(
                fires("int to bigint on a huge table", alter("ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint",
                        huge()).rewrite("public.orders", TYPE_REASON).build(), Severity.CRITICAL,
                        "ALTER TABLE ... ALTER COLUMN customer_id TYPE bigint rewrote public.orders (≈12M rows, "
                                + "3.1 GB) under an ACCESS EXCLUSIVE lock",
                        "every row was copied and every index rebuilt; reads and writes blocked for the whole rewrite"),
                fires("SET DATA TYPE with USING", alter("ALTER TABLE orders ALTER total SET DATA TYPE numeric(12,2) "
                        + "USING round(total, 2)", medium()).rewrite("public.orders", TYPE_REASON).build(),
                        Severity.MEDIUM, "ALTER COLUMN total TYPE numeric(12,2) rewrote"),
                fires("two columns, one rewrite", alter("ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2), "
                        + "ALTER COLUMN email TYPE varchar(200)", huge()).rewrite("public.orders", TYPE_REASON)
                        .build(), Severity.CRITICAL,
                        "ALTER COLUMN total TYPE numeric(12,2) and ALTER COLUMN email TYPE varchar(200) rewrote"),
                fires("rewrite recorded without reasons", alter("ALTER TABLE orders ALTER COLUMN customer_id TYPE "
                        + "bigint", huge()).rewrite("public.orders").build(), Severity.CRITICAL, "customer_id"),
                fires("rewrite reason as older captures wrote it", alter("ALTER TABLE orders ALTER COLUMN "
                        + "customer_id TYPE bigint", huge()).rewrite("public.orders", "ALTER COLUMN TYPE").build(),
                        Severity.CRITICAL, "customer_id"));
    }

    static Stream<Named<SchemaChangeEvent>> typeChangesWithoutRewrite() {
        return Stream.of(
                silent("varchar(20) to text: binary-compatible, no rewrite recorded", alter("ALTER TABLE orders "
                        + "ALTER COLUMN email TYPE text", huge()).build()),
                silent("numeric precision increase: no rewrite recorded", alter("ALTER TABLE orders ALTER COLUMN "
                        + "total TYPE numeric(14,2)", huge()).build()),
                silent("rewrite for another reason", alter("ALTER TABLE orders ALTER COLUMN email TYPE text, SET "
                        + "LOGGED", huge()).rewrite("public.orders", "SET LOGGED/UNLOGGED").build()),
                silent("another table rewritten", alter("ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint",
                        huge()).rewrite("public.customers", TYPE_REASON).build()),
                silent("empty table", alter("ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint", empty())
                        .rewrite("public.orders", TYPE_REASON).build()),
                silent("rewrite without a type change in the text", alter("ALTER TABLE orders ADD COLUMN n int "
                        + "DEFAULT random()", huge()).rewrite("public.orders", TYPE_REASON).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewritingTypeChanges")
    void namesTheColumnsOfRewritingTypeChanges(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).table()).isEqualTo("orders");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typeChangesWithoutRewrite")
    void trustsTheRewriteRecord(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }
}
