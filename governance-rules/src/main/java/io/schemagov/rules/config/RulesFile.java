package io.schemagov.rules.config;

import io.schemagov.rules.Rule;
import io.schemagov.rules.RuleCatalog;
import io.schemagov.rules.RuleEngine;
import io.schemagov.rules.RuleInfo;
import io.schemagov.rules.RuleOptions;
import io.schemagov.rules.RulePolicy;
import io.schemagov.rules.RulePolicy.ObjectSuppression;
import io.schemagov.rules.RulePolicy.RuleOverride;
import io.schemagov.rules.RuleSettings;
import io.schemagov.rules.Severity;
import io.schemagov.rules.Suppression;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A team's rules file: which rules run, their severities, size thresholds and options, and the findings accepted
 * on named objects. Every mistake in it is reported with its line, so a bad file stops start-up with a message
 * that says what to fix instead of running with rules nobody meant. The format is documented in
 * {@code docs/rules-file.md}.
 *
 * @param thresholds   the size thresholds for every rule, or null to keep the service's
 * @param ruleSettings per rule id, thresholds that differ from the general ones (unset ones inherit)
 */
public record RulesFile(Thresholds thresholds, Map<String, Thresholds> ruleSettings, RuleOptions options,
        Map<String, RuleOverride> overrides, List<ObjectSuppression> suppressions) {

    private static final Set<String> TOP_KEYS = Set.of("thresholds", "rules", "suppressions");
    private static final Set<String> THRESHOLD_KEYS = Set.of("small-table-rows", "large-table-rows",
            "huge-table-rows");
    private static final Set<String> RULE_KEYS = Set.of("enabled", "severity", "thresholds", "columns",
            "max-indexes");
    private static final Set<String> SUPPRESSION_KEYS = Set.of("rule", "object", "database", "reason", "author",
            "expires");
    private static final String AUDIT_COLUMNS_RULE = "audit-columns-missing";
    private static final String TOO_MANY_INDEXES_RULE = "too-many-indexes";

    /** A file that changes nothing. */
    public static RulesFile empty() {
        return new RulesFile(null, Map.of(), RuleOptions.defaults(), Map.of(), List.of());
    }

    /**
     * Size thresholds as written; an unset one (null) inherits.
     *
     * @param line where they were written, for the message when they contradict each other
     */
    public record Thresholds(Long smallTableRows, Long largeTableRows, Long hugeTableRows, int line) {

        RuleSettings over(RuleSettings base, String source, String where) {
            long small = smallTableRows == null ? base.smallTableRows() : smallTableRows;
            long large = largeTableRows == null ? base.largeTableRows() : largeTableRows;
            long huge = hugeTableRows == null ? base.hugeTableRows() : hugeTableRows;
            if (small > large || large > huge) {
                throw new RulesFileException(source, line, where + ": need small-table-rows <= large-table-rows "
                        + "<= huge-table-rows, got " + small + ", " + large + ", " + huge);
            }
            return new RuleSettings(small, large, huge);
        }
    }

    /**
     * Reads the file's text.
     *
     * @param source the file's name, for messages
     * @throws RulesFileException naming the line and the reason of the first mistake
     */
    public static RulesFile parse(String source, String yaml) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new RulesFileException(source, mark == null ? 1 : mark.getLine() + 1,
                    "not valid YAML: " + e.getProblem());
        }
        if (root == null) {
            return empty();
        }
        return new Reader(source, RuleCatalog.defaultRules()).read(root);
    }

    /**
     * The engine this file asks for: the built-in rules with its options, thresholds, overrides and suppressions.
     *
     * @param serviceThresholds the thresholds to use where the file sets none
     */
    public RuleEngine engine(String source, RuleSettings serviceThresholds) {
        RuleSettings general = thresholds == null ? serviceThresholds
                : thresholds.over(serviceThresholds, source, "thresholds");
        Map<String, RuleOverride> resolved = new LinkedHashMap<>(overrides);
        ruleSettings.forEach((id, own) -> {
            RuleOverride o = resolved.getOrDefault(id, new RuleOverride(true, null, null));
            resolved.put(id, new RuleOverride(o.enabled(), o.severity(),
                    own.over(general, source, "rules." + id + ".thresholds")));
        });
        return new RuleEngine(RuleCatalog.defaultRules(options), general, new RulePolicy(resolved, suppressions));
    }

    /** Walks the tree once, collecting what it means. */
    private static final class Reader {
        private final String source;
        private final YamlNodes nodes;
        private final Set<String> ruleIds;
        private Thresholds thresholds;
        private final Map<String, Thresholds> ruleSettings = new LinkedHashMap<>();
        private final Map<String, RuleOverride> overrides = new LinkedHashMap<>();
        private final List<ObjectSuppression> suppressions = new ArrayList<>();
        private List<String> auditColumns = RuleOptions.defaults().auditColumns();
        private int maxIndexes = RuleOptions.defaults().maxIndexesPerTable();

        Reader(String source, List<Rule> rules) {
            this.source = source;
            this.nodes = new YamlNodes(source);
            this.ruleIds = rules.stream().map(Rule::info).map(RuleInfo::id).collect(Collectors.toSet());
        }

        RulesFile read(Node root) {
            Map<String, Node> top = nodes.mapping(root, "the rules file", TOP_KEYS);
            if (top.containsKey("thresholds")) {
                thresholds = thresholds(top.get("thresholds"), "thresholds");
            }
            if (top.containsKey("rules")) {
                nodes.mapping(top.get("rules"), "rules", null).forEach(this::rule);
            }
            if (top.containsKey("suppressions")) {
                for (Node entry : nodes.sequence(top.get("suppressions"), "suppressions")) {
                    suppressions.add(suppression(entry));
                }
            }
            return new RulesFile(thresholds, ruleSettings, new RuleOptions(auditColumns, maxIndexes), overrides,
                    suppressions);
        }

        private void rule(String id, Node node) {
            if (!ruleIds.contains(id)) {
                throw nodes.keyError(node, "unknown rule '" + id + "'; the rule ids are listed in docs/rules.md");
            }
            String where = "rules." + id;
            Map<String, Node> keys = nodes.mapping(node, where, RULE_KEYS);
            boolean enabled = !keys.containsKey("enabled") || nodes.bool(keys.get("enabled"), where + ".enabled");
            Severity severity = keys.containsKey("severity") ? severity(keys.get("severity"), where + ".severity")
                    : null;
            overrides.put(id, new RuleOverride(enabled, severity, null));
            if (keys.containsKey("thresholds")) {
                ruleSettings.put(id, thresholds(keys.get("thresholds"), where + ".thresholds"));
            }
            if (keys.containsKey("columns")) {
                requireRule(id, AUDIT_COLUMNS_RULE, keys.get("columns"), "columns");
                List<Node> columns = nodes.sequence(keys.get("columns"), where + ".columns");
                if (columns.isEmpty()) {
                    throw nodes.error(keys.get("columns"), where + ".columns must name at least one column");
                }
                auditColumns = columns.stream().map(c -> nodes.text(c, "a column of " + where + ".columns")).toList();
            }
            if (keys.containsKey("max-indexes")) {
                requireRule(id, TOO_MANY_INDEXES_RULE, keys.get("max-indexes"), "max-indexes");
                long max = nodes.positive(keys.get("max-indexes"), where + ".max-indexes");
                if (max > 1000) {
                    throw nodes.error(keys.get("max-indexes"), where + ".max-indexes must be at most 1000");
                }
                maxIndexes = (int) max;
            }
        }

        private void requireRule(String id, String owner, Node node, String key) {
            if (!id.equals(owner)) {
                throw nodes.error(node, "'" + key + "' is a setting of rule " + owner + " only, not of " + id);
            }
        }

        private Severity severity(Node node, String where) {
            String value = nodes.text(node, where);
            try {
                return Severity.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw nodes.error(node, where + " must be one of INFO, LOW, MEDIUM, HIGH, CRITICAL, got '" + value
                        + "'");
            }
        }

        private Thresholds thresholds(Node node, String where) {
            Map<String, Node> keys = nodes.mapping(node, where, THRESHOLD_KEYS);
            return new Thresholds(count(keys, "small-table-rows", where), count(keys, "large-table-rows", where),
                    count(keys, "huge-table-rows", where), YamlNodes.line(node));
        }

        private Long count(Map<String, Node> keys, String key, String where) {
            return keys.containsKey(key) ? nodes.positive(keys.get(key), where + "." + key) : null;
        }

        private ObjectSuppression suppression(Node node) {
            String where = "a suppression";
            Map<String, Node> keys = nodes.mapping(node, where, SUPPRESSION_KEYS);
            for (String required : List.of("rule", "object", "reason", "author")) {
                if (!keys.containsKey(required)) {
                    throw nodes.error(node, where + " needs '" + required + "' (rule, object, reason and author are "
                            + "required; database and expires are optional)");
                }
            }
            String rule = nodes.text(keys.get("rule"), "rule");
            if (!ruleIds.contains(rule)) {
                throw nodes.error(keys.get("rule"), "unknown rule '" + rule + "'; the rule ids are listed in "
                        + "docs/rules.md");
            }
            LocalDate expires = null;
            if (keys.containsKey("expires")) {
                String date = nodes.text(keys.get("expires"), "expires");
                try {
                    expires = LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    throw nodes.error(keys.get("expires"), "expires must be a date like 2027-03-31, got '" + date
                            + "'");
                }
            }
            String database = keys.containsKey("database") ? nodes.text(keys.get("database"), "database") : null;
            return new ObjectSuppression(rule, database, nodes.text(keys.get("object"), "object"),
                    new Suppression(Suppression.Source.CONFIG, nodes.text(keys.get("author"), "author"),
                            nodes.text(keys.get("reason"), "reason"), expires));
        }
    }
}
