package io.schemagov.rules;

import io.schemagov.model.ChangeKind;
import io.schemagov.model.DroppedObject;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceKind;
import io.schemagov.model.TableSnapshot;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Runs a set of rules over one captured event and collects their findings and the table states they found clean;
 * a failing rule becomes a finding instead of an exception, so one defect never hides the other rules' results.
 */
public final class RuleEngine {

    /** The id of the finding that stands in for a rule that threw. */
    public static final String RULE_FAILURE = "rule-failure";

    /** The id of the finding that reports a {@code schemagov:ignore} comment that could not be applied. */
    public static final String INVALID_SUPPRESSION = "invalid-suppression";

    private final List<ChangeRule> changeRules = new ArrayList<>();
    private final List<TableRule> tableRules = new ArrayList<>();
    /** Each rule's thresholds, looked up once here rather than per event, in the order of the lists above. */
    private final List<RuleSettings> changeSettings = new ArrayList<>();
    private final List<RuleSettings> tableSettings = new ArrayList<>();
    /** The table rules' ids, for the CleanTable each writes per table, without asking each rule per table. */
    private final List<String> tableIds = new ArrayList<>();
    /** The same ids as an array, which every evaluation's {@link CleanTables} refers to by position. */
    private final String[] cleanIds;
    private final List<RuleInfo> infos;
    private final Set<String> ids = new HashSet<>();
    private final RuleSettings settings;
    private final RulePolicy policy;
    /** The object globs of the policy's suppressions, in their order, compiled once rather than per finding. */
    private final List<Pattern> suppressionPatterns;
    /** The rules that judge PostgreSQL (and unknown) sources and those that judge MariaDB/MySQL, chosen once. */
    private final Lineup postgresql;
    private final Lineup mysql;

    public RuleEngine(List<Rule> rules, RuleSettings settings) {
        this(rules, settings, RulePolicy.none());
    }

    /**
     * @param policy what the team changed: disabled rules do not run, overridden severities and thresholds apply,
     *               and suppressed findings are reported marked as such
     * @throws IllegalArgumentException when two rules share an id or the policy names a rule that is not given
     */
    public RuleEngine(List<Rule> rules, RuleSettings settings, RulePolicy policy) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.policy = Objects.requireNonNull(policy, "policy");
        for (Rule rule : rules) {
            if (!ids.add(rule.info().id())) {
                throw new IllegalArgumentException("two rules share the id " + rule.info().id());
            }
        }
        requireKnown(policy.overrides().keySet());
        requireKnown(policy.suppressions().stream().map(RulePolicy.ObjectSuppression::ruleId).toList());
        for (Rule rule : rules) {
            if (!policy.overrideOf(rule.info().id()).enabled()) {
                continue;
            }
            RuleSettings own = policy.overrideOf(rule.info().id()).settings();
            if (rule instanceof ChangeRule change) {
                changeRules.add(change);
                changeSettings.add(own == null ? settings : own);
            } else {
                tableRules.add((TableRule) rule); // Rule is sealed: the only other kind
                tableSettings.add(own == null ? settings : own);
                tableIds.add(rule.info().id());
            }
        }
        this.cleanIds = tableIds.toArray(String[]::new);
        this.suppressionPatterns = policy.suppressions().stream().map(RulePolicy.ObjectSuppression::pattern).toList();
        this.postgresql = new Lineup(changeRules, tableRules, SourceKind.POSTGRESQL);
        this.mysql = new Lineup(changeRules, tableRules, SourceKind.MYSQL);
        this.infos = rules.stream().map(Rule::info).filter(info -> policy.overrideOf(info.id()).enabled()).toList();
    }

    private void requireKnown(Collection<String> ruleIds) {
        for (String id : ruleIds) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("the rule policy names the unknown rule " + id);
            }
        }
    }

    /** The built-in rules with the default size thresholds. */
    public static RuleEngine withDefaults() {
        return new RuleEngine(RuleCatalog.defaultRules(), RuleSettings.defaults());
    }

    /** What every rule concludes about this event; never throws because of a rule. */
    public Evaluation evaluate(SchemaChangeEvent event) {
        List<Finding> findings = new ArrayList<>();
        CleanTables clean = new CleanTables(cleanIds, event.getTables().size() * tableRules.size());
        boolean baseline = event.getKind() == ChangeKind.BASELINE;
        Lineup lineup = RuleDialects.isMysql(event.getSource() == null ? null : event.getSource().getKind())
                ? mysql : postgresql;
        for (int i : lineup.changeRules.forTag(event.getCommandTag())) {
            ChangeRule rule = changeRules.get(i);
            if (!baseline || rule.runsOnBaseline()) {
                runChangeRule(rule, changeSettings.get(i), event, findings);
            }
        }
        for (TableSnapshot table : event.getTables()) {
            clean.startTable(table.getSchemaName(), table.getTableName());
            for (int i : lineup.tableRules) {
                runTableRule(i, table, findings, clean);
            }
        }
        // A dropped table has no state left to be wrong: every state finding about it resolves.
        for (DroppedObject dropped : EventTables.droppedTables(event)) {
            clean.startTable(EventTables.schemaOf(dropped), EventTables.nameOf(dropped));
            for (int i = 0; i < cleanIds.length; i++) {
                clean.add(i);
            }
        }
        return new Evaluation(judged(event, findings), clean);
    }

    /** The descriptions of the rules this engine runs (disabled ones left out), in the order given. */
    public List<RuleInfo> rules() {
        return infos;
    }

    /**
     * The findings with the team's decisions applied: overridden severities, and suppressions from the statement's
     * own comments or the rules file, judged on the day of the change so that replaying old events gives the same
     * result. A malformed {@code schemagov:ignore} becomes a finding of its own: it suppressed nothing.
     */
    private List<Finding> judged(SchemaChangeEvent event, List<Finding> findings) {
        InlineSuppressions inline = InlineSuppressions.in(event.getStatement(), ids);
        if (policy.overrides().isEmpty() && policy.suppressions().isEmpty() && inline == InlineSuppressions.NONE) {
            return findings;
        }
        LocalDate day = LocalDate.ofInstant(event.getEventTime(), ZoneOffset.UTC); // no ZonedDateTime per event
        String database = event.getSource().getDatabase();
        String author = event.getActor() == null ? null : event.getActor().getRole();
        List<Finding> judged = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Severity severity = policy.overrideOf(finding.ruleId()).severity();
            Finding f = severity == null ? finding : finding.withSeverity(severity);
            Suppression suppression = suppressionOf(f, inline, database, day, author);
            judged.add(suppression == null ? f : f.withSuppression(suppression));
        }
        for (String problem : inline.problems()) {
            String identity = event.getObjectIdentity() == null ? null : Names.normalized(event.getObjectIdentity());
            judged.add(new Finding(INVALID_SUPPRESSION, Severity.LOW, event.getSchemaName(), null, identity,
                    "A " + InlineSuppressions.MARKER + " comment in " + event.getCommandTag()
                            + (identity == null ? "" : " " + identity) + " was not applied: " + problem,
                    "Write the comment as -- " + InlineSuppressions.MARKER + " <rule-id>[,<rule-id>] <reason>, "
                            + "with rule ids from the rule reference; the findings it meant to suppress stay open."));
        }
        return judged;
    }

    /** The statement's own comment first, as the most specific decision; then the first active rules-file entry. */
    private Suppression suppressionOf(Finding finding, InlineSuppressions inline, String database, LocalDate day,
            String author) {
        String reason = inline.reasonFor(finding.ruleId());
        if (reason != null) {
            return new Suppression(Suppression.Source.INLINE, author, reason, null);
        }
        List<RulePolicy.ObjectSuppression> suppressions = policy.suppressions();
        for (int i = 0; i < suppressions.size(); i++) {
            RulePolicy.ObjectSuppression configured = suppressions.get(i);
            if (configured.suppression().activeOn(day)
                    && configured.matches(database, finding, suppressionPatterns.get(i))) {
                return configured.suppression();
            }
        }
        return null;
    }

    /** Adds the rule's findings, or else the failure that stands in for them: never a part of them. */
    private void runChangeRule(ChangeRule rule, RuleSettings own, SchemaChangeEvent event, List<Finding> findings) {
        try {
            List<Finding> found = rule.evaluate(event, own);
            if (found.isEmpty()) {
                return; // most changes give a rule nothing to find
            }
            for (Finding finding : found) {
                Objects.requireNonNull(finding); // as List.copyOf checked: a null finding fails the rule
            }
            findings.addAll(found);
        } catch (Exception e) { // also checked exceptions thrown sneakily
            String identity = event.getObjectIdentity() == null ? null : Names.normalized(event.getObjectIdentity());
            String subject = event.getCommandTag() + (identity == null ? "" : " " + identity);
            findings.add(failure(rule, subject, event.getSchemaName(), null, identity, e));
        }
    }

    /** Runs the table rule at this position of the engine's list. */
    private void runTableRule(int position, TableSnapshot table, List<Finding> findings, CleanTables clean) {
        TableRule rule = tableRules.get(position);
        Optional<Finding> finding;
        try {
            finding = Objects.requireNonNull(rule.evaluate(table, tableSettings.get(position)), "rule returned null");
        } catch (Exception e) {
            // No CleanTable either: the rule did not check the table, so earlier findings must stand.
            String name = Names.of(table);
            findings.add(failure(rule, name, table.getSchemaName(), table.getTableName(), name, e));
            return;
        }
        if (finding.isPresent()) {
            findings.add(finding.get());
        } else {
            clean.add(position);
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

    /**
     * The positions in the engine's lists of the rules that judge one kind of database, worked out once; the change
     * rules also by the command tags they judge.
     */
    private static final class Lineup {

        private final ChangeRuleLineup changeRules;
        private final int[] tableRules;

        Lineup(List<ChangeRule> changeRules, List<TableRule> tableRules, SourceKind dialect) {
            this.changeRules = new ChangeRuleLineup(changeRules, positions(changeRules, dialect));
            this.tableRules = positions(tableRules, dialect);
        }

        private static int[] positions(List<? extends Rule> rules, SourceKind dialect) {
            return IntStream.range(0, rules.size())
                    .filter(i -> RuleDialects.runsOn(rules.get(i).info().id(), dialect)).toArray();
        }
    }
}
