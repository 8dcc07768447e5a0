package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SourceHealthEvent;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicationSlotLagRuleTest {

    private static final long GB = 1L << 30;
    private final ReplicationSlotLagRule rule = new ReplicationSlotLagRule();

    static Stream<Arguments> slotsOverTheThreshold() {
        return Stream.of(
                fires("exactly at the threshold", health(GB, GB), Severity.HIGH,
                        "Replication slot schemagov_orders of orders-db holds back 1.0 GB of WAL", "threshold 1.0 GB",
                        "1.0 times"),
                fires("three times over", health(3 * GB + GB / 2, GB), Severity.HIGH, "3.5 GB", "3.5 times"),
                fires("just under ten times", health(10 * GB - 1, GB), Severity.HIGH, "10.0 GB"),
                fires("ten times the threshold", health(10 * GB, GB), Severity.CRITICAL, "10.0 GB", "10.0 times"),
                fires("a tiny threshold far exceeded", health(5_000_000, 1024), Severity.CRITICAL, "4.8 MB",
                        "threshold 1.0 kB"));
    }

    static Stream<Named<SourceHealthEvent>> slotsUnderTheThreshold() {
        return Stream.of(
                silent("nothing held back", health(0, GB)),
                silent("one byte under", health(GB - 1, GB)),
                silent("far under", health(56, 1024)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slotsOverTheThreshold")
    void flagsSlotHoldingBackAtLeastTheThreshold(SourceHealthEvent event, Severity severity, List<String> fragments) {
        Finding finding = rule.evaluate(event).orElseThrow();

        Cases.assertFinding(finding, ReplicationSlotLagRule.INFO, severity, fragments);
        assertThat(finding.object()).isEqualTo("schemagov_orders");
        assertThat(finding.schema()).isNull();
        assertThat(finding.table()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slotsUnderTheThreshold")
    void staysQuietUnderTheThreshold(SourceHealthEvent event) {
        assertThat(rule.evaluate(event)).isEmpty();
    }

    @Test
    void explainsHowToFindAndDropAnAbandonedSlot() {
        assertThat(ReplicationSlotLagRule.INFO.scope()).isEqualTo(RuleScope.SOURCE_STATE);
        assertThat(ReplicationSlotLagRule.INFO.remediation()).contains("pg_replication_slots", "pg_drop_replication_slot",
                "max_slot_wal_keep_size");
    }

    @Test
    void printsSizesAsPostgresDoes() {
        assertThat(ReplicationSlotLagRule.size(12)).isEqualTo("12 B");
        assertThat(ReplicationSlotLagRule.size(1536)).isEqualTo("1.5 kB");
        assertThat(ReplicationSlotLagRule.size(GB)).isEqualTo("1.0 GB");
    }

    private static SourceHealthEvent health(long lag, long threshold) {
        return SourceHealthEvent.newBuilder().setDatabase("orders-db").setSlot("schemagov_orders").setLagBytes(lag)
                .setThresholdBytes(threshold).setObservedAt(Instant.parse("2026-12-01T10:00:00Z")).build();
    }
}
