package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.config.RulesFile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many schema-change events per second the rule engine judges on one thread: a harness that prints figures,
 * never a test that asserts them. Run with
 * {@code ./mvnw -q -pl governance-rules -am test-compile exec:java -Dexec.mainClass=io.schemagov.rules.RuleEngineBenchmark
 * -Dexec.classpathScope=test} (options {@code -Dschemagov.bench.events}, {@code .rounds}, {@code .warmup}).
 */
public final class RuleEngineBenchmark {

    private static final String RULES_FILE = """
            thresholds:
              large-table-rows: 500000
            rules:
              json-instead-of-jsonb:
                enabled: false
              table-dropped:
                severity: critical
            suppressions:
              - rule: primary-key-missing
                object: public.t1*
                reason: legacy tables, replaced in Q1
                author: dba@example.com
              - rule: repeating-column-group
                object: "*"
                reason: phone columns are a known exception
                author: dba@example.com
                expires: 2099-12-31
            """;

    private RuleEngineBenchmark() {
    }

    public static void main(String[] args) {
        int size = Integer.getInteger("schemagov.bench.events", 100_000);
        int rounds = Integer.getInteger("schemagov.bench.rounds", 5);
        int warmup = Integer.getInteger("schemagov.bench.warmup", 3);
        List<SchemaChangeEvent> corpus = BenchmarkCorpus.of(size);
        System.out.printf(Locale.ROOT, "corpus: %,d schema-change events, %d rules, Java %s, %d cores%n", size,
                RuleCatalog.defaultRules().size(), Runtime.version(), Runtime.getRuntime().availableProcessors());
        report("rules as shipped", RuleEngine.withDefaults(), corpus, warmup, rounds);
        RuleEngine configured = RulesFile.parse("benchmark rules file", RULES_FILE)
                .engine("benchmark rules file", RuleSettings.defaults());
        report("with a rules file", configured, corpus, warmup, rounds);
        if (Boolean.getBoolean("schemagov.bench.per-rule")) {
            perRule(corpus);
        }
    }

    /** Where the time goes: each rule alone over the corpus, slowest first. */
    private static void perRule(List<SchemaChangeEvent> corpus) {
        RuleSettings settings = RuleSettings.defaults();
        Map<String, Long> nanos = new HashMap<>();
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up
            for (Rule rule : RuleCatalog.defaultRules()) {
                long start = System.nanoTime();
                for (SchemaChangeEvent event : corpus) {
                    if (rule instanceof ChangeRule change) {
                        change.evaluate(event, settings);
                    } else {
                        event.getTables().forEach(table -> ((TableRule) rule).evaluate(table, settings));
                    }
                }
                nanos.put(rule.info().id(), System.nanoTime() - start);
            }
        }
        nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-45s %,8.1f ns/event%n", e.getKey(),
                        e.getValue() / (double) corpus.size()));
    }

    private static void report(String name, RuleEngine engine, List<SchemaChangeEvent> corpus, int warmup,
            int rounds) {
        long findings = 0;
        for (int i = 0; i < warmup; i++) {
            findings = run(engine, corpus);
        }
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            findings = run(engine, corpus);
            rates[i] = corpus.size() / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "%-18s median %,.0f events/s (min %,.0f, max %,.0f over %d rounds); "
                + "%,d findings per pass%n", name, rates[rounds / 2], rates[0], rates[rounds - 1], rounds, findings);
    }

    private static long run(RuleEngine engine, List<SchemaChangeEvent> corpus) {
        long findings = 0;
        for (SchemaChangeEvent event : corpus) {
            findings += engine.evaluate(event).findings().size();
        }
        return findings;
    }
}
