package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.alterOrders;
import static io.schemagov.rules.LockFixtures.empty;
import static io.schemagov.rules.LockFixtures.huge;
import static io.schemagov.rules.LockFixtures.medium;
import static io.schemagov.rules.LockFixtures.partitioned;
import static io.schemagov.rules.LockFixtures.small;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UniqueOrPrimaryKeyWithoutUsingIndexRuleTest {

    private final UniqueOrPrimaryKeyWithoutUsingIndexRule rule = new UniqueOrPrimaryKeyWithoutUsingIndexRule();

    static Stream<Arguments> indexBuildingKeys() {
        return Stream.of(
                fires("named unique constraint on a huge table", alterOrders("ALTER TABLE orders ADD CONSTRAINT "
                        + "orders_email_key UNIQUE (email)", huge()), Severity.CRITICAL,
                        "ALTER TABLE ... ADD CONSTRAINT orders_email_key took an ACCESS EXCLUSIVE lock on "
                                + "public.orders (≈12M rows, 3.1 GB)",
                        "built the UNIQUE's unique index while holding it: reads and writes blocked for the whole "
                                + "build"),
                fires("primary key", alterOrders("ALTER TABLE orders ADD PRIMARY KEY (id)", medium()),
                        Severity.MEDIUM, "ALTER TABLE ... ADD PRIMARY KEY (id) took an ACCESS EXCLUSIVE lock",
                        "PRIMARY KEY's unique index"),
                fires("UNIQUE NULLS NOT DISTINCT with an index tablespace", alterOrders("ALTER TABLE orders ADD "
                        + "UNIQUE NULLS NOT DISTINCT (email) USING INDEX TABLESPACE fast", small()), Severity.LOW,
                        "ADD UNIQUE (email)", "(≈850 rows, 64 kB)"),
                fires("partitioned table", alterOrders("ALTER TABLE orders ADD PRIMARY KEY (id)", partitioned()),
                        Severity.MEDIUM, "public.orders and all its partitions"));
    }

    static Stream<Named<SchemaChangeEvent>> adoptedOrHarmless() {
        return Stream.of(
                silent("PRIMARY KEY USING INDEX", alterOrders("ALTER TABLE orders ADD CONSTRAINT orders_pkey "
                        + "PRIMARY KEY USING INDEX orders_id_idx", huge())),
                silent("UNIQUE USING INDEX, lower case", alterOrders("alter table orders add unique using index "
                        + "orders_email_idx", huge())),
                silent("empty table", alterOrders("ALTER TABLE orders ADD PRIMARY KEY (id)", empty())),
                silent("foreign key", alterOrders("ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES "
                        + "customers", huge())),
                silent("UNIQUE in a CHECK's text", alterOrders("ALTER TABLE orders ADD CONSTRAINT c CHECK "
                        + "(note <> 'UNIQUE (x)')", huge())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexBuildingKeys")
    void flagsKeysBuiltUnderTheLock(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adoptedOrHarmless")
    void acceptsUsingIndex(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }
}
