package io.schemagov.rules;

import io.schemagov.model.ChangeKind;
import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a set of rules over one captured event and collects their findings and the table states they found clean;
 * a failing rule becomes a finding instead of an exception, so one defect never hides the other rules' results.
 */
public final class RuleEngine {

    /** The id of the finding that stands in for a rule that threw. */
    public static final String RULE_FAILURE = "rule-failure";

    private final List<ChangeRule> changeRules = new ArrayList<>();
    private final List<TableRule> tableRules = new ArrayList<>();
    private final List<RuleInfo> infos;
    private final RuleSettings settings;

    public RuleEngine(List<Rule> rules, RuleSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.info().id())) {
                throw new IllegalArgumentException("two rules share the id " + rule.info().id());
            }
            if (rule instanceof ChangeRule change) {
                changeRules.add(change);
            } else {
                tableRules.add((TableRule) rule); // Rule is sealed: the only other kind
            }
        }
        this.infos = rules.stream().map(Rule::info).toList();
    }

    /** The built-in rules with the default size thresholds. */
    public static RuleEngine withDefaults() {
        return new RuleEngine(RuleCatalog.defaultRules(), RuleSettings.defaults());
    }

    /** What every rule concludes about this event; never throws because of a rule. */
    public Evaluation evaluate(SchemaChangeEvent event) {
        List<Finding> findings = new ArrayList<>();
        List<CleanTable> clean = new ArrayList<>();
        boolean baseline = event.getKind() == ChangeKind.BASELINE;
        for (ChangeRule rule : changeRules) {
            if (!baseline || rule.runsOnBaseline()) {
                findings.addAll(runChangeRule(rule, event));
            }
        }
        for (TableSnapshot table : event.getTables()) {
            for (TableRule rule : tableRules) {
                runTableRule(rule, table, findings, clean);
            }
        }
        // A dropped table has no state left to be wrong: every state finding about it resolves.
        for (DroppedObject dropped : EventTables.droppedTables(event)) {
            for (TableRule rule : tableRules) {
                clean.add(new CleanTable(rule.info().id(), EventTables.schemaOf(dropped), EventTables.nameOf(dropped)));
            }
        }
        return new Evaluation(findings, clean);
    }

    /** The descriptions of the rules this engine runs, in the order given. */
    public List<RuleInfo> rules() {
        return infos;
    }

    private List<Finding> runChangeRule(ChangeRule rule, SchemaChangeEvent event) {
        try {
            return List.copyOf(rule.evaluate(event, settings));
        } catch (Exception e) { // also checked exceptions thrown sneakily
            String identity = event.getObjectIdentity() == null ? null : Names.normalized(event.getObjectIdentity());
            String subject = event.getCommandTag() + (identity == null ? "" : " " + identity);
            return List.of(failure(rule, subject, event.getSchemaName(), null, identity, e));
        }
    }

    private void runTableRule(TableRule rule, TableSnapshot table, List<Finding> findings, List<CleanTable> clean) {
        Optional<Finding> finding;
        try {
            finding = Objects.requireNonNull(rule.evaluate(table, settings), "rule returned null");
        } catch (Exception e) {
            // No CleanTable either: the rule did not check the table, so earlier findings must stand.
            String name = Names.of(table);
            findings.add(failure(rule, name, table.getSchemaName(), table.getTableName(), name, e));
            return;
        }
        if (finding.isPresent()) {
            findings.add(finding.get());
        } else {
            clean.add(new CleanTable(rule.info().id(), table.getSchemaName(), table.getTableName()));
        }
    }

    private static Finding failure(Rule rule, String subject, String schema, String table, String object,
            Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        String message = "Rule " + rule.info().id() + " failed on " + subject + " (" + reason
                + "); this object was not checked by that rule";
        return new Finding(RULE_FAILURE, Severity.LOW, schema, table, object, message,
                "This is a defect in the rule, not in the schema: report it with this message. "
                        + "The other rules still ran; each failure is reported separately.");
    }
}
