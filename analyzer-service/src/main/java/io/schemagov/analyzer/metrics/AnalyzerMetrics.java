package io.schemagov.analyzer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The analyzer's own meters, names and tags in one place: events in and out, findings, dead letters,
 * rule evaluation time, Elasticsearch bulk writes and alerts. Served at {@code /actuator/prometheus}.
 */
@Component
public class AnalyzerMetrics {

    /** Counter; tags {@code topic}, {@code outcome} (processed, dead-lettered). */
    public static final String EVENTS = "schemagov.analyzer.events";
    /** Counter of findings the rules and compliance rules produced; tag {@code severity}. */
    public static final String FINDINGS = "schemagov.analyzer.findings";
    /** Counter of records and alerts Kafka took on the dead-letter topic; tag {@code stage} (analyzer, alerts). */
    public static final String DEAD_LETTERS = "schemagov.analyzer.dead.letters";
    /** Timer of the rule engine on one schema change. */
    public static final String RULES_EVALUATION = "schemagov.analyzer.rules.evaluation";
    /** Timer of one bulk request to Elasticsearch; tag {@code outcome} (success, failure). */
    public static final String BULK = "schemagov.analyzer.elasticsearch.bulk";
    /**
     * Counter of bulk failures; tag {@code kind}: {@code request} (no answer, 429, 502-504: retried),
     * {@code retried-item} (an operation answered 429 or 5xx: retried), {@code rejected-item} (refused for good: dead-lettered).
     */
    public static final String BULK_FAILURES = "schemagov.analyzer.elasticsearch.bulk.failures";
    /** Counter of alert messages; tags {@code channel}, {@code status} (delivered, failed). */
    public static final String ALERTS = "schemagov.analyzer.alerts";

    /** Every name above, e.g. for a check that a dashboard queries only real meters. */
    public static final List<String> NAMES = List.of(EVENTS, FINDINGS, DEAD_LETTERS, RULES_EVALUATION, BULK, BULK_FAILURES, ALERTS);

    private final MeterRegistry registry;
    private final Timer rulesEvaluation;

    public AnalyzerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rulesEvaluation = timer(RULES_EVALUATION, "Rule engine time for one schema change").register(registry);
    }

    /** The outcome of one consumed record. */
    public void event(String topic, boolean deadLettered) {
        counter(EVENTS, "topic", topic, "outcome", deadLettered ? "dead-lettered" : "processed").increment();
    }

    public void finding(String severity) {
        counter(FINDINGS, "severity", severity).increment();
    }

    public void deadLetters(String stage, int count) {
        if (count > 0) {
            counter(DEAD_LETTERS, "stage", stage).increment(count);
        }
    }

    public <T> T timeRules(Supplier<T> evaluation) {
        return rulesEvaluation.record(evaluation);
    }

    public void bulk(boolean success, Duration took) {
        timer(BULK, "One bulk request to Elasticsearch").tag("outcome", success ? "success" : "failure")
                .register(registry).record(took);
    }

    public void bulkFailures(String kind, int count) {
        if (count > 0) {
            counter(BULK_FAILURES, "kind", kind).increment(count);
        }
    }

    public void alert(String channel, boolean delivered) {
        counter(ALERTS, "channel", channel, "status", delivered ? "delivered" : "failed").increment();
    }

    private Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(registry);
    }

    /** With a histogram, so that Prometheus can compute percentiles over any set of instances. */
    private static Timer.Builder timer(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30));
    }
}
