package io.schemagov.analyzer.config;

import io.schemagov.rules.RuleCatalog;
import io.schemagov.rules.RuleEngine;
import io.schemagov.rules.RuleSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the rule engine from the catalogue and the configured thresholds. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    @Bean
    RuleEngine ruleEngine(AnalyzerProperties properties) {
        AnalyzerProperties.Thresholds t = properties.thresholds();
        if (!(t.smallTableRows() < t.largeTableRows() && t.largeTableRows() < t.hugeTableRows())) {
            throw new IllegalStateException("schemagov.analyzer.thresholds: need small-table-rows < large-table-rows < huge-table-rows, got "
                    + t.smallTableRows() + ", " + t.largeTableRows() + ", " + t.hugeTableRows());
        }
        return new RuleEngine(RuleCatalog.defaultRules(), new RuleSettings(t.smallTableRows(), t.largeTableRows(), t.hugeTableRows()));
    }
}
