package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.alter;
import static io.schemagov.rules.LockFixtures.empty;
import static io.schemagov.rules.LockFixtures.huge;
import static io.schemagov.rules.LockFixtures.large;
import static io.schemagov.rules.LockFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VolatileDefaultRewritesRuleTest {

    private final VolatileDefaultRewritesRule rule = new VolatileDefaultRewritesRule();

    /** The capture's label for PostgreSQL's AT_REWRITE_DEFAULT_VAL. */
    private static final String DEFAULT_REASON = "column default that must be written to every row";

    private static SchemaChangeEvent rewritten(String sql, io.schemagov.model.TableSnapshot table) {
        return alter(sql, table).rewrite("public.orders", DEFAULT_REASON).build();
    }

    static Stream<Arguments> rewritingAdds() {
        return Stream.of(
                fires("gen_random_uuid() on a huge table", rewritten("ALTER TABLE orders ADD COLUMN uid uuid DEFAULT "
                        + "gen_random_uuid()", huge()), Severity.CRITICAL,
                        "ALTER TABLE ... ADD COLUMN uid uuid DEFAULT gen_random_uuid() rewrote public.orders "
                                + "(≈12M rows, 3.1 GB) under an ACCESS EXCLUSIVE lock",
                        "its value was computed and written into every existing row; reads and writes blocked"),
                fires("clock_timestamp(), qualified", rewritten("ALTER TABLE orders ADD seen_at timestamptz NOT NULL "
                        + "DEFAULT pg_catalog.clock_timestamp()", large()), Severity.HIGH,
                        "ADD COLUMN seen_at timestamptz DEFAULT pg_catalog.clock_timestamp()"),
                fires("explicit nextval", rewritten("ALTER TABLE orders ADD COLUMN n bigint DEFAULT "
                        + "nextval('orders_n_seq'::regclass)", small()), Severity.LOW,
                        "DEFAULT nextval('…'::regclass)"),
                fires("stored generated column", rewritten("ALTER TABLE orders ADD COLUMN cents bigint GENERATED "
                        + "ALWAYS AS (total * 100) STORED", huge()), Severity.CRITICAL,
                        "ADD COLUMN cents bigint GENERATED ALWAYS AS (total * 100) STORED rewrote"),
                fires("unknown function, rewrite on record", rewritten("ALTER TABLE orders ADD COLUMN code text "
                        + "DEFAULT make_code()", huge()), Severity.CRITICAL, "DEFAULT make_code()"),
                fires("older captures' reason", alter("ALTER TABLE orders ADD COLUMN r float8 DEFAULT random()",
                        huge()).rewrite("public.orders", "ADD COLUMN WITH VOLATILE DEFAULT").build(),
                        Severity.CRITICAL, "DEFAULT random()"));
    }

    static Stream<Named<SchemaChangeEvent>> noRewriteOrNotOurs() {
        return Stream.of(
                silent("constant default: no rewrite recorded", alter("ALTER TABLE orders ADD COLUMN status text NOT "
                        + "NULL DEFAULT 'new'", huge()).build()),
                silent("now() is stable: no rewrite recorded", alter("ALTER TABLE orders ADD COLUMN created_at "
                        + "timestamptz DEFAULT now()", huge()).build()),
                silent("volatile default on an empty table", rewritten("ALTER TABLE orders ADD COLUMN uid uuid "
                        + "DEFAULT gen_random_uuid()", empty())),
                silent("bigserial: identity-or-serial-added reports it", rewritten("ALTER TABLE orders ADD COLUMN "
                        + "id2 bigserial", huge())),
                silent("unknown default next to a serial: the serial may be the cause", rewritten("ALTER TABLE "
                        + "orders ADD COLUMN id2 bigserial, ADD COLUMN code text DEFAULT make_code()", huge())),
                silent("rewrite for a type change", alter("ALTER TABLE orders ADD COLUMN uid uuid DEFAULT "
                        + "gen_random_uuid()", huge()).rewrite("public.orders", "column type or storage change")
                        .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewritingAdds")
    void namesTheColumnThatRewroteTheTable(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noRewriteOrNotOurs")
    void staysQuietWithoutItsRewrite(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }
}
