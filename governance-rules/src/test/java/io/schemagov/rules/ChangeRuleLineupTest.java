package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine skips change rules by the command tags they declare, and finds exactly what asking every rule finds. */
class ChangeRuleLineupTest {

    private static final List<ChangeRule> RULES = List.of(tagged("any"), tagged("alter", "ALTER TABLE"),
            tagged("index", "CREATE INDEX", "DROP INDEX"), tagged("also-alter", "alter table"));

    @Test
    void runsTheRulesThatNameTheTagAndThoseThatNameNone() {
        ChangeRuleLineup lineup = new ChangeRuleLineup(RULES, new int[] {0, 1, 2, 3});

        assertThat(lineup.forTag("ALTER TABLE")).containsExactly(0, 1, 3);
        assertThat(lineup.forTag("Alter Table")).containsExactly(0, 1, 3);
        assertThat(lineup.forTag("DROP INDEX")).containsExactly(0, 2);
        assertThat(lineup.forTag("CREATE TABLE")).containsExactly(0);
        assertThat(lineup.forTag(null)).containsExactly(0);
    }

    @Test
    void choosesOnlyAmongTheRulesOfItsDialect() {
        ChangeRuleLineup lineup = new ChangeRuleLineup(RULES, new int[] {1, 2});

        assertThat(lineup.forTag("ALTER TABLE")).containsExactly(1);
        assertThat(lineup.forTag("CREATE TABLE")).isEmpty();
    }

    /** Each example event again under every tag any rule names: a rule whose tags exclude it must find nothing. */
    @Test
    void aRuleSkippedForATagWouldHaveFoundNothing() {
        Set<String> tags = new LinkedHashSet<>();
        List<ChangeRule> declaring = new ArrayList<>();
        for (Rule rule : RuleCatalog.defaultRules()) {
            if (rule instanceof ChangeRule change && !change.commandTags().isEmpty()) {
                declaring.add(change);
                tags.addAll(change.commandTags());
            }
        }
        assertThat(declaring).hasSizeGreaterThan(10);
        for (SchemaChangeEvent example : events()) {
            for (String tag : tags) {
                SchemaChangeEvent retagged = SchemaChangeEvent.newBuilder(example).setCommandTag(tag).build();
                for (ChangeRule rule : declaring) {
                    if (!rule.commandTags().contains(tag)) {
                        assertThat(rule.evaluate(retagged, RuleSettings.defaults()))
                                .as("%s on %s", rule.info().id(), retagged).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void findsWhatAskingEveryRuleFinds() {
        RuleEngine selecting = RuleEngine.withDefaults();
        RuleEngine askingAll = new RuleEngine(RuleCatalog.defaultRules().stream().map(ChangeRuleLineupTest::untagged)
                .toList(), RuleSettings.defaults());

        for (SchemaChangeEvent event : events()) {
            Evaluation expected = askingAll.evaluate(event);

            Evaluation actual = selecting.evaluate(event);

            assertThat(actual.findings()).as("findings for %s", event).isEqualTo(expected.findings());
            assertThat(actual.clean()).as("clean tables for %s", event).isEqualTo(expected.clean());
        }
    }

    /** The rules' example and fix events, PostgreSQL and MariaDB/MySQL, and a stretch of the benchmark's corpus. */
    private static List<SchemaChangeEvent> events() {
        Map<String, RuleExamples> examples = new HashMap<>(ChangeRuleExamples.all());
        examples.putAll(DestructiveRuleExamples.all());
        examples.putAll(MysqlRuleExamples.all());
        List<SchemaChangeEvent> events = new ArrayList<>();
        for (Rule rule : RuleCatalog.defaultRules()) {
            RuleExamples example = examples.get(rule.info().id());
            if (example != null && example.example().apply(rule.info().example()) instanceof SchemaChangeEvent e) {
                events.add(e);
            }
            if (example != null && example.fix().apply(rule.info().fix()) instanceof SchemaChangeEvent e) {
                events.add(e);
            }
        }
        events.addAll(BenchmarkCorpus.of(160));
        return events;
    }

    /** The rule as it was before rules declared tags: asked about every event. */
    private static Rule untagged(Rule rule) {
        if (!(rule instanceof ChangeRule change)) {
            return rule;
        }
        return new ChangeRule() {
            @Override
            public RuleInfo info() {
                return change.info();
            }

            @Override
            public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
                return change.evaluate(event, settings);
            }

            @Override
            public boolean runsOnBaseline() {
                return change.runsOnBaseline();
            }
        };
    }

    private static ChangeRule tagged(String id, String... tags) {
        RuleInfo info = new RuleInfo(id, id, Severity.LOW, RuleScope.CHANGE, "why", "fix", "example", "fix");
        return new ChangeRule() {
            @Override
            public RuleInfo info() {
                return info;
            }

            @Override
            public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
                return List.of();
            }

            @Override
            public Set<String> commandTags() {
                return Set.of(tags);
            }
        };
    }
}
