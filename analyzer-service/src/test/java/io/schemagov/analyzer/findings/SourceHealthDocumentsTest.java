package io.schemagov.analyzer.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.model.SourceHealthEvent;
import io.schemagov.rules.ReplicationSlotLagRule;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceHealthDocumentsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:05Z");
    private final SourceHealthDocuments documents = new SourceHealthDocuments();
    private final ReplicationSlotLagRule rule = new ReplicationSlotLagRule();

    @Test
    void slotOverTheThresholdIsOneOpenStateFindingPerSlot() {
        SourceHealthEvent event = health(5_000, "schemagov_orders");
        IndexOperation.Put put = (IndexOperation.Put) documents.of(event, rule.evaluate(event), NOW).get(0);

        assertThat(put.document()).containsEntry("ruleId", "replication-slot-lag").containsEntry("status", "open")
                .containsEntry("severity", "HIGH").containsEntry("scope", "source").containsEntry("database", "orders-db")
                .containsEntry("object", "schemagov_orders").containsEntry("lagBytes", 5_000L)
                .containsEntry("thresholdBytes", 1_024L).containsEntry("baseline", false)
                .containsEntry("eventTime", "2026-12-01T10:00:00Z");
        SourceHealthEvent later = health(50_000, "schemagov_orders");
        IndexOperation again = documents.of(later, rule.evaluate(later), NOW).get(0);
        assertThat(again.id()).isEqualTo(put.id());
        assertThat(((IndexOperation.Put) again).document()).containsEntry("severity", "CRITICAL");
        SourceHealthEvent otherSlot = health(5_000, "schemagov_other");
        assertThat(documents.of(otherSlot, rule.evaluate(otherSlot), NOW).get(0).id()).isNotEqualTo(put.id());
    }

    @Test
    void slotBackUnderTheThresholdResolvesItsFinding() {
        SourceHealthEvent over = health(5_000, "schemagov_orders");
        SourceHealthEvent under = health(10, "schemagov_orders");
        String id = documents.of(over, rule.evaluate(over), NOW).get(0).id();

        IndexOperation.Patch patch = (IndexOperation.Patch) documents.of(under, rule.evaluate(under), NOW).get(0);

        assertThat(patch.id()).isEqualTo(id);
        assertThat(patch.fields()).containsEntry("status", "resolved").containsEntry("resolvedAt", "2026-12-01T10:00:00Z");
    }

    private static SourceHealthEvent health(long lag, String slot) {
        return SourceHealthEvent.newBuilder().setDatabase("orders-db").setSlot(slot).setLagBytes(lag).setThresholdBytes(1024)
                .setObservedAt(Instant.parse("2026-12-01T10:00:00Z")).build();
    }
}
