package io.schemagov.lint;

import io.schemagov.rules.RuleEngine;
import io.schemagov.rules.RulePolicy.RuleOverride;
import io.schemagov.rules.RuleSettings;
import io.schemagov.rules.config.RulesFile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The rule engine the lint runs: the rules file's, minus the rules whose subject is the live capture itself.
 *
 * <p>A lint event is made from a file, not captured: it has no table snapshot, rewrite, dropped object or
 * maintenance run, and no capture error either, since no capture took place. The rules that need the catalog read
 * those fields and find nothing, so they stay silent rather than misjudge ({@code LintEventsTest} runs every rule's
 * documented example and fix through the lint and pins which rules fire: only those that judge the statement text
 * alone). {@code capture-incomplete} is different: its subject is a capture in a monitored database that failed to
 * record something. A lint event has none, so whatever that rule could say about one would be false; it is
 * disabled here rather than left to depend on the lint never setting a capture error.
 */
final class LintRules {

    /** The rules that judge the capture rather than the change. */
    static final Set<String> CAPTURE_RULES = Set.of("capture-incomplete");

    private LintRules() {
    }

    /** @param source the rules file's name for messages; the file's own thresholds apply, else the defaults */
    static RuleEngine engine(RulesFile file, String source) {
        Map<String, RuleOverride> overrides = new LinkedHashMap<>(file.overrides());
        for (String id : CAPTURE_RULES) {
            overrides.put(id, new RuleOverride(false, null, null));
        }
        RulesFile forLint = new RulesFile(file.thresholds(), file.ruleSettings(), file.options(), overrides,
                file.suppressions());
        return forLint.engine(source, RuleSettings.defaults());
    }
}
