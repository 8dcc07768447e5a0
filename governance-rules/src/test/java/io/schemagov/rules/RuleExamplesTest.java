package io.schemagov.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule fires on the example docs/rules.md shows for it and not on the fix shown beside it. */
class RuleExamplesTest {

    private static final Map<String, RuleExamples> EXAMPLES = examples();

    static Stream<Named<Rule>> rules() {
        return RuleCatalog.defaultRules().stream().map(rule -> Named.of(rule.info().id(), rule));
    }

    @Test
    void everyRuleHasItsExampleAndFixChecked() {
        assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(
                RuleCatalog.defaultRules().stream().map(rule -> rule.info().id()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void firesOnItsExample(Rule rule) {
        RuleInfo info = rule.info();
        List<Finding> findings = evaluate(rule, EXAMPLES.get(info.id()).example().apply(info.example()));

        assertThat(findings).as("findings of %s for its example", info.id()).isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.ruleId()).isEqualTo(info.id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void doesNotFireOnItsFix(Rule rule) {
        RuleInfo info = rule.info();

        assertThat(evaluate(rule, EXAMPLES.get(info.id()).fix().apply(info.fix())))
                .as("findings of %s for its fix", info.id()).isEmpty();
    }

    /**
     * The event or snapshot a scenario builds must be about what the SQL names, and an event must be of a command
     * the SQL runs, dropping only what the SQL drops by name.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void judgesWhatTheSqlDoes(Rule rule) {
        RuleInfo info = rule.info();
        RuleExamples examples = EXAMPLES.get(info.id());

        assertMatches(info.example(), examples.example().apply(info.example()));
        assertMatches(info.fix(), examples.fix().apply(info.fix()));
    }

    private static void assertMatches(String sql, Object input) {
        assertThat(sql).containsIgnoringCase(subject(input));
        if (input instanceof SchemaChangeEvent event) {
            List<String> statements = Arrays.stream(withoutComments(sql).split(";"))
                    .map(text -> text.strip().toUpperCase(Locale.ROOT)).toList();
            assertThat(statements).as("statements of %s", sql).anyMatch(text -> text.startsWith(event.getCommandTag()));
            event.getDroppedObjects().stream().filter(DroppedObject::getOriginal).forEach(dropped -> assertThat(sql)
                    .contains("DROP").containsIgnoringCase(droppedName(dropped.getObjectIdentity())));
        }
    }

    private static String withoutComments(String text) {
        return text.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
    }

    /** {@code note} of {@code public.orders.note}, {@code c} of {@code c on public.orders}. */
    private static String droppedName(String identity) {
        if (identity.contains(" on ")) {
            return identity.substring(0, identity.indexOf(" on "));
        }
        return identity.substring(identity.lastIndexOf('.') + 1);
    }

    private static String subject(Object input) {
        if (input instanceof TableSnapshot table) {
            return table.getTableName();
        }
        SchemaChangeEvent event = (SchemaChangeEvent) input;
        if (!event.getTables().isEmpty()) {
            return event.getTables().get(0).getTableName();
        }
        return event.getObjectIdentity() == null ? event.getCommandTag()
                : Names.unqualified(event.getObjectIdentity());
    }

    private static List<Finding> evaluate(Rule rule, Object input) {
        RuleSettings settings = RuleSettings.defaults();
        if (rule instanceof ChangeRule change) {
            return change.evaluate((SchemaChangeEvent) input, settings);
        }
        return ((TableRule) rule).evaluate((TableSnapshot) input, settings).map(List::of).orElse(List.of());
    }

    private static Map<String, RuleExamples> examples() {
        Map<String, RuleExamples> all = new HashMap<>(ChangeRuleExamples.all());
        all.putAll(DestructiveRuleExamples.all());
        all.putAll(TableRuleExamples.all());
        all.putAll(MysqlRuleExamples.all());
        return Map.copyOf(all);
    }
}
