package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.alterOrders;
import static io.schemagov.rules.LockFixtures.empty;
import static io.schemagov.rules.LockFixtures.partitioned;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotNullColumnWithoutDefaultRuleTest {

    private final NotNullColumnWithoutDefaultRule rule = new NotNullColumnWithoutDefaultRule();

    static Stream<Arguments> columnsThatFailOnFilledTables() {
        return Stream.of(
                fires("NOT NULL without default on the empty table", alterOrders("ALTER TABLE orders ADD COLUMN "
                        + "region text NOT NULL", empty()), Severity.LOW,
                        "ALTER TABLE ... ADD COLUMN region text NOT NULL without a DEFAULT succeeded only because "
                                + "public.orders was empty",
                        "the same migration fails with: column \"region\" of relation \"orders\" contains null "
                                + "values"),
                fires("DEFAULT NULL is no default", alterOrders("alter table orders add region text default null "
                        + "not null", empty()), Severity.LOW, "ADD COLUMN region text NOT NULL"),
                fires("stale statistics say rows: it still succeeded, so it was empty", alterOrders("ALTER TABLE "
                        + "orders ADD region text CONSTRAINT region_nn NOT NULL", LockFixtures.orders(500, 8192)),
                        Severity.LOW, "region"),
                fires("partitioned table", alterOrders("ALTER TABLE orders ADD COLUMN region text NOT NULL",
                        partitioned()), Severity.LOW, "region"));
    }

    static Stream<Named<SchemaChangeEvent>> columnsWithValues() {
        return Stream.of(
                silent("constant default", alterOrders("ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT "
                        + "'eu'", empty())),
                silent("nullable", alterOrders("ALTER TABLE orders ADD COLUMN region text", empty())),
                silent("identity", alterOrders("ALTER TABLE orders ADD COLUMN n int NOT NULL GENERATED ALWAYS AS "
                        + "IDENTITY", empty())),
                silent("serial", alterOrders("ALTER TABLE orders ADD COLUMN n serial NOT NULL", empty())),
                silent("stored generated", alterOrders("ALTER TABLE orders ADD COLUMN c numeric NOT NULL GENERATED "
                        + "ALWAYS AS (total * 100) STORED", empty())),
                silent("NOT NULL in a CHECK, not on the column", alterOrders("ALTER TABLE orders ADD COLUMN region "
                        + "text CHECK (region IS NOT NULL)", empty())),
                silent("the table was created in the same text", alterOrders("CREATE TABLE orders (id bigint); "
                        + "ALTER TABLE orders ADD COLUMN region text NOT NULL", empty())),
                silent("SET NOT NULL on an existing column", alterOrders("ALTER TABLE orders ALTER COLUMN email SET "
                        + "NOT NULL", empty())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columnsThatFailOnFilledTables")
    void flagsNotNullColumnsWithoutValues(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).object()).isEqualTo("public.orders.region");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columnsWithValues")
    void acceptsColumnsThatGetValues(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }
}
