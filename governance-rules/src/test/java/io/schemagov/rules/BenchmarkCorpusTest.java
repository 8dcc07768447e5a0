package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmark measures real work only if its corpus makes the rules work: checked here, without timing. */
class BenchmarkCorpusTest {

    @Test
    void theCorpusExercisesManyRulesAndNoneOfThemFails() {
        List<SchemaChangeEvent> corpus = BenchmarkCorpus.of(2_000);
        RuleEngine engine = RuleEngine.withDefaults();

        List<Finding> findings = corpus.stream().flatMap(e -> engine.evaluate(e).findings().stream()).toList();

        Set<String> fired = findings.stream().map(Finding::ruleId).collect(Collectors.toSet());
        assertThat(fired).doesNotContain(RuleEngine.RULE_FAILURE, RuleEngine.INVALID_SUPPRESSION).hasSizeGreaterThan(15);
        assertThat(findings).anyMatch(Finding::suppressed);
        assertThat(BenchmarkCorpus.of(50_000)).hasSize(50_000);
    }
}
