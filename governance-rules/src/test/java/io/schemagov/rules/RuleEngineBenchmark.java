package io.schemagov.rules;

import io.schemagov.model.ChangeKind;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import io.schemagov.rules.config.RulesFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How many schema-change events per second the rule engine judges on one thread: a harness that prints figures,
 * never a test that asserts them. Without installing the modules ({@code exec:java} with {@code -am} would run on the
 * parent too), build and write the classpath with
 * {@code ./mvnw -q -o -pl governance-rules -am test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test}, then in {@code governance-rules} run
 * {@code java -cp target/test-classes:target/classes:$(cat target/bench.classpath)
 * io.schemagov.rules.RuleEngineBenchmark} (options {@code -Dschemagov.bench.events} (100,000), {@code .rounds} (7),
 * {@code .warmup} (5), {@code .per-rule}).
 *
 * <p>The figure is events per second of this thread's CPU time, so that other processes on a shared machine do not
 * lower it; the wall-clock rate is printed beside it. Every finding (rule, severity, object, message, suppression)
 * and every clean table feed a sink that is printed, so no rule's work can be optimised away and two builds that
 * print the same sink reported the same findings, and the warm-up passes let the JIT compile the engine
 * before any round is timed.
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
        int rounds = Integer.getInteger("schemagov.bench.rounds", 7);
        int warmup = Integer.getInteger("schemagov.bench.warmup", 5);
        List<SchemaChangeEvent> corpus = BenchmarkCorpus.of(size);
        System.out.printf(Locale.ROOT, "corpus: %,d schema-change events (%s), %d rules, Java %s, %d cores%n", size,
                BenchmarkCorpus.describe(corpus), RuleCatalog.defaultRules().size(), Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        report("rules as shipped", RuleEngine.withDefaults(), corpus, warmup, rounds);
        RuleEngine configured = RulesFile.parse("benchmark rules file", RULES_FILE)
                .engine("benchmark rules file", RuleSettings.defaults());
        report("with a rules file", configured, corpus, warmup, rounds);
        if (Boolean.getBoolean("schemagov.bench.per-rule")) {
            perRule(corpus);
        }
    }

    /**
     * Where the time goes: every rule in the engine's order over each event, each call timed on its own, so that a
     * rule is charged what it costs among the others (the first rule to read a statement pays for scanning it,
     * as in the engine) and not what it would cost alone. Each call adds ~25 ns of timer overhead. A rule's figure
     * is its lowest over three passes: on a shared machine a pass is only ever slowed down by other work.
     */
    private static void perRule(List<SchemaChangeEvent> corpus) {
        RuleSettings settings = RuleSettings.defaults();
        List<Rule> rules = RuleCatalog.defaultRules();
        long[] best = new long[rules.size()];
        Arrays.fill(best, Long.MAX_VALUE);
        long sink = 0;
        for (int pass = 0; pass < 5; pass++) { // the first two passes warm up
            long[] nanos = new long[rules.size()];
            for (SchemaChangeEvent event : corpus) {
                for (int i = 0; i < nanos.length; i++) {
                    long start = System.nanoTime();
                    sink += evaluate(rules.get(i), event, settings);
                    nanos[i] += System.nanoTime() - start;
                }
            }
            for (int i = 0; pass >= 2 && i < nanos.length; i++) {
                best[i] = Math.min(best[i], nanos[i]);
            }
        }
        print(rules, best, corpus.size(), sink);
    }

    private static void print(List<Rule> rules, long[] best, int events, long sink) {
        Map<String, Long> byRule = new LinkedHashMap<>();
        for (int i = 0; i < best.length; i++) {
            byRule.put(rules.get(i).info().id(), best[i]);
        }
        System.out.printf(Locale.ROOT, "per rule, in engine order, best of 3 passes (sum %,.0f ns/event; sink %d):%n",
                Arrays.stream(best).sum() / (double) events, sink);
        byRule.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-45s %,8.1f ns/event%n", e.getKey(),
                        e.getValue() / (double) events));
    }

    private static long evaluate(Rule rule, SchemaChangeEvent event, RuleSettings settings) {
        if (rule instanceof ChangeRule change) {
            if (event.getKind() == ChangeKind.BASELINE && !change.runsOnBaseline()) {
                return 0;
            }
            long sink = 0;
            for (Finding finding : change.evaluate(event, settings)) {
                sink += fingerprint(finding);
            }
            return sink;
        }
        long sink = 0;
        for (TableSnapshot table : event.getTables()) {
            sink += ((TableRule) rule).evaluate(table, settings).map(RuleEngineBenchmark::fingerprint).orElse(1L);
        }
        return sink;
    }

    private static void report(String name, RuleEngine engine, List<SchemaChangeEvent> corpus, int warmup,
            int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long findings = 0;
        for (int i = 0; i < warmup; i++) {
            findings = run(engine, corpus)[0];
        }
        double[] cpuRates = new double[rounds];
        double[] wallRates = new double[rounds];
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long[] result = run(engine, corpus);
            wallRates[i] = corpus.size() / ((System.nanoTime() - start) / 1e9);
            cpuRates[i] = corpus.size() / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
            findings = result[0];
            sink = result[1]; // the same in every round
        }
        Arrays.sort(cpuRates);
        Arrays.sort(wallRates);
        System.out.printf(Locale.ROOT, "%-18s median %,.0f events/s per CPU-second (min %,.0f, max %,.0f over %d "
                + "rounds; wall-clock median %,.0f); %,d findings per pass; sink %d%n", name, cpuRates[rounds / 2],
                cpuRates[0], cpuRates[rounds - 1], rounds, wallRates[rounds / 2], findings, sink);
    }

    /** What the finding says, as a number: equal sinks before and after a change mean the same findings. */
    private static long fingerprint(Finding finding) {
        return finding.ruleId().hashCode() + 7L * finding.severity().ordinal() + 31L * finding.message().hashCode()
                + (finding.object() == null ? 0 : 17L * finding.object().hashCode())
                + (finding.suppression() == null ? 0 : 13L * Objects.hashCode(finding.suppression().reason()));
    }

    /** The findings of one pass, and a sink of everything the engine produced so that none of it is dead. */
    private static long[] run(RuleEngine engine, List<SchemaChangeEvent> corpus) {
        long findings = 0;
        long sink = 0;
        for (SchemaChangeEvent event : corpus) {
            Evaluation evaluation = engine.evaluate(event);
            findings += evaluation.findings().size();
            for (Finding finding : evaluation.findings()) {
                sink = 31 * sink + fingerprint(finding);
            }
            for (CleanTable clean : evaluation.clean()) {
                sink = 31 * sink + clean.ruleId().hashCode() + Objects.hashCode(clean.table());
            }
        }
        return new long[] {findings, sink};
    }
}
