package io.schemagov.analyzer.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.analyzer.elasticsearch.IndexOperation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriageTest {

    private static final Map<String, Object> ACK = Map.of("by", "oncall", "at", "2026-11-20T10:05:00Z", "reason", "later");

    private static Map<String, Object> fresh(String status) {
        return Map.of("status", status, "eventTime", "2026-11-20T10:00:00Z", "message", "new message");
    }

    private static Map<String, Object> suppressedBy(String source, String expires) {
        return Map.of("status", "suppressed", "suppression", expires == null ? Map.of("source", source, "reason", "r")
                : Map.of("source", source, "reason", "r", "expires", expires));
    }

    @Test
    void anAcknowledgedFindingStaysAcknowledgedWithTheNewContent() {
        Map<String, Object> doc = Triage.merged(fresh("open"), Map.of("status", "acknowledged", "acknowledgement", ACK));

        assertThat(doc).containsEntry("status", "acknowledged").containsEntry("acknowledgement", ACK)
                .containsEntry("message", "new message");
    }

    @Test
    void dashboardAndInlineSuppressionsStayUntilTheyExpire() {
        assertThat(Triage.merged(fresh("open"), suppressedBy("dashboard", null))).containsEntry("status", "suppressed")
                .containsKey("suppression");
        assertThat(Triage.merged(fresh("open"), suppressedBy("inline", "2026-11-20"))).containsEntry("status",
                "suppressed");
        assertThat(Triage.merged(fresh("open"), suppressedBy("dashboard", "2026-11-19"))).containsEntry("status", "open")
                .doesNotContainKey("suppression");
        assertThat(Triage.merged(fresh("open"), suppressedBy("dashboard", "not a date"))).containsEntry("status",
                "open");
    }

    @Test
    void aRulesFileSuppressionIsNotKeptOnceTheFileNoLongerSaysSo() {
        assertThat(Triage.merged(fresh("open"), suppressedBy("config", null))).containsEntry("status", "open");
    }

    @Test
    void aResolvedFindingThatReturnsIsOpenAgain() {
        assertThat(Triage.merged(fresh("open"), Map.of("status", "resolved"))).containsEntry("status", "open");
    }

    @Test
    void onlyRewritesOfStoredFindingsChange() {
        IndexOperation stored = new IndexOperation.Put("findings", "a", fresh("open"));
        IndexOperation created = new IndexOperation.Put("findings", "b", fresh("open"));
        IndexOperation resolve = new IndexOperation.Patch("findings", "a", Map.of("status", "resolved"));

        List<IndexOperation> kept = Triage.kept(List.of(stored, created, resolve),
                Map.of("a", Map.of("status", "acknowledged")));

        assertThat(((IndexOperation.Put) kept.get(0)).document()).containsEntry("status", "acknowledged");
        assertThat(kept.subList(1, 3)).containsExactly(created, resolve);
    }
}
