package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.LockFixtures.alterOrders;
import static io.schemagov.rules.LockFixtures.partitioned;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DetachPartitionWithoutConcurrentlyRuleTest {

    private final DetachPartitionWithoutConcurrentlyRule rule = new DetachPartitionWithoutConcurrentlyRule();

    static Stream<Arguments> blockingDetaches() {
        return Stream.of(
                fires("plain DETACH", alterOrders("ALTER TABLE orders DETACH PARTITION orders_2023", partitioned()),
                        Severity.MEDIUM,
                        "ALTER TABLE ... DETACH PARTITION orders_2023 took an ACCESS EXCLUSIVE lock on public.orders "
                                + "and on orders_2023",
                        "reads and writes on the whole partitioned table queued behind it"),
                fires("qualified partition, lower case", alterOrders("alter table if exists public.orders detach "
                        + "partition archive.orders_2019", partitioned()), Severity.MEDIUM,
                        "DETACH PARTITION archive.orders_2019 took"));
    }

    static Stream<Named<SchemaChangeEvent>> nonBlockingDetaches() {
        return Stream.of(
                silent("CONCURRENTLY", alterOrders("ALTER TABLE orders DETACH PARTITION orders_2023 CONCURRENTLY",
                        partitioned())),
                silent("FINALIZE", alterOrders("ALTER TABLE orders DETACH PARTITION orders_2023 FINALIZE",
                        partitioned())),
                silent("ATTACH", alterOrders("ALTER TABLE orders ATTACH PARTITION orders_2025 DEFAULT",
                        partitioned())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockingDetaches")
    void flagsDetachWithoutConcurrently(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = LockFixtures.evaluate(rule, event);

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).table()).isEqualTo("orders");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonBlockingDetaches")
    void acceptsConcurrentDetach(SchemaChangeEvent event) {
        assertThat(LockFixtures.evaluate(rule, event)).isEmpty();
    }
}
