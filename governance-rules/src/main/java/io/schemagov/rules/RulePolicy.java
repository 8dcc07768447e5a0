package io.schemagov.rules;

import io.schemagov.model.Globs;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a team decided about the rules: which run, at what severity and size thresholds, and which findings on
 * which objects they accept. Built from the rules file; {@link #none()} runs every rule as shipped.
 *
 * @param overrides    per rule id; rules not named run as shipped
 * @param suppressions accepted findings, the first match wins
 */
public record RulePolicy(Map<String, RuleOverride> overrides, List<ObjectSuppression> suppressions) {

    public RulePolicy {
        overrides = Map.copyOf(overrides);
        suppressions = List.copyOf(suppressions);
    }

    public static RulePolicy none() {
        return new RulePolicy(Map.of(), List.of());
    }

    RuleOverride overrideOf(String ruleId) {
        return overrides.getOrDefault(ruleId, RuleOverride.NONE);
    }

    /**
     * How one rule deviates from its defaults.
     *
     * @param severity every finding of the rule gets this severity, or null to keep the rule's own judgement
     * @param settings size thresholds for this rule only, or null for the engine's
     */
    public record RuleOverride(boolean enabled, Severity severity, RuleSettings settings) {
        static final RuleOverride NONE = new RuleOverride(true, null, null);
    }

    /**
     * A rule's findings accepted on matching objects.
     *
     * @param database the source database it applies to, or null for every one
     * @param object   a qualified object or table name; {@code *} stands for any run of characters, so
     *                 {@code audit.*} covers a whole schema. It matches a finding's object or its table.
     */
    public record ObjectSuppression(String ruleId, String database, String object, Suppression suppression) {

        public ObjectSuppression {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(suppression, "suppression");
        }

        boolean matches(String findingDatabase, Finding finding) {
            return matches(findingDatabase, finding, pattern());
        }

        /** The object glob as a pattern, for a caller that matches many findings against it. */
        Pattern pattern() {
            return Globs.compile(object);
        }

        /** {@link #matches(String, Finding)} with the {@link #pattern()} compiled once by the caller. */
        boolean matches(String findingDatabase, Finding finding, Pattern pattern) {
            if (!ruleId.equals(finding.ruleId()) || (database != null && !database.equals(findingDatabase))) {
                return false;
            }
            return (finding.object() != null && pattern.matcher(finding.object()).matches())
                    || (finding.table() != null && finding.schema() != null
                            && pattern.matcher(finding.schema() + "." + finding.table()).matches());
        }
    }
}
