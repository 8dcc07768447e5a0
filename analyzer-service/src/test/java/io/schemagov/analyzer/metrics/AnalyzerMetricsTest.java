package io.schemagov.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What each recording method of the analyzer's meters counts, on an in-memory registry. */
class AnalyzerMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AnalyzerMetrics metrics = new AnalyzerMetrics(registry);

    @Test
    void eventsAreCountedByTopicAndOutcome() {
        metrics.event("schemagov.schema-changes", false);
        metrics.event("schemagov.schema-changes", false);
        metrics.event("schemagov.schema-changes", true);
        metrics.event("schemagov.data-changes", false);

        assertThat(count(AnalyzerMetrics.EVENTS, "topic", "schemagov.schema-changes", "outcome", "processed")).isEqualTo(2);
        assertThat(count(AnalyzerMetrics.EVENTS, "topic", "schemagov.schema-changes", "outcome", "dead-lettered")).isEqualTo(1);
        assertThat(count(AnalyzerMetrics.EVENTS, "topic", "schemagov.data-changes", "outcome", "processed")).isEqualTo(1);
    }

    @Test
    void findingsAreCountedBySeverity() {
        metrics.finding("HIGH");
        metrics.finding("HIGH");
        metrics.finding("LOW");

        assertThat(count(AnalyzerMetrics.FINDINGS, "severity", "HIGH")).isEqualTo(2);
        assertThat(count(AnalyzerMetrics.FINDINGS, "severity", "LOW")).isEqualTo(1);
    }

    @Test
    void deadLettersAreCountedByStageAndAnEmptyBatchRegistersNothing() {
        metrics.deadLetters("analyzer", 3);
        metrics.deadLetters("alerts", 0);

        assertThat(count(AnalyzerMetrics.DEAD_LETTERS, "stage", "analyzer")).isEqualTo(3);
        assertThat(registry.find(AnalyzerMetrics.DEAD_LETTERS).tag("stage", "alerts").counter()).isNull();
    }

    @Test
    void ruleEvaluationIsTimedAndItsResultReturned() {
        assertThat(metrics.timeRules(() -> "findings")).isEqualTo("findings");
        assertThat(registry.get(AnalyzerMetrics.RULES_EVALUATION).timer().count()).isEqualTo(1);
    }

    @Test
    void bulkRequestsAreTimedByOutcome() {
        metrics.bulk(true, Duration.ofMillis(12));
        metrics.bulk(false, Duration.ofMillis(3));
        metrics.bulkFailures("rejected-item", 2);

        assertThat(registry.get(AnalyzerMetrics.BULK).tag("outcome", "success").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(12);
        assertThat(registry.get(AnalyzerMetrics.BULK).tag("outcome", "failure").timer().count()).isEqualTo(1);
        assertThat(count(AnalyzerMetrics.BULK_FAILURES, "kind", "rejected-item")).isEqualTo(2);
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }
}
