package io.schemagov.analyzer.config;

import io.schemagov.rules.RuleSettings;
import io.schemagov.rules.config.RulesFile;

/**
 * The rules configuration this analyzer runs with: the rules file (empty when none is configured), where it came
 * from, and the service's own size thresholds that apply where the file sets none.
 */
public record RulesInForce(String source, RulesFile file, RuleSettings serviceThresholds) {
}
