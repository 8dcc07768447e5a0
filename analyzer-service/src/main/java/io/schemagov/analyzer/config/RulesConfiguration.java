package io.schemagov.analyzer.config;

import io.schemagov.rules.RuleEngine;
import io.schemagov.rules.RuleSettings;
import io.schemagov.rules.config.RulesFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the rule engine from the catalogue, the configured thresholds and the rules file. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);
    private static final String RULES_FILE = "schemagov.analyzer.rules-file";

    @Bean
    RulesInForce rulesInForce(AnalyzerProperties properties) {
        AnalyzerProperties.Thresholds t = properties.thresholds();
        if (!(t.smallTableRows() < t.largeTableRows() && t.largeTableRows() < t.hugeTableRows())) {
            throw new IllegalStateException("schemagov.analyzer.thresholds: need small-table-rows < large-table-rows < huge-table-rows, got "
                    + t.smallTableRows() + ", " + t.largeTableRows() + ", " + t.hugeTableRows());
        }
        RuleSettings thresholds = new RuleSettings(t.smallTableRows(), t.largeTableRows(), t.hugeTableRows());
        Path path = properties.rulesFile();
        if (path == null) {
            return new RulesInForce(RULES_FILE, RulesFile.empty(), thresholds);
        }
        try {
            return new RulesInForce(path.toString(),
                    RulesFile.parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8)), thresholds);
        } catch (IOException e) {
            throw new IllegalStateException(RULES_FILE + ": cannot read " + path + " (" + e + ")", e);
        } catch (IllegalArgumentException e) { // RulesFileException says where and why
            throw new IllegalStateException(RULES_FILE + ": " + e.getMessage(), e);
        }
    }

    @Bean
    RuleEngine ruleEngine(RulesInForce rules) {
        try {
            RuleEngine engine = rules.file().engine(rules.source(), rules.serviceThresholds());
            if (!rules.source().equals(RULES_FILE)) {
                log.info("Rules file {}: {} rules enabled, {} overridden, {} suppressions", rules.source(),
                        engine.rules().size(), rules.file().overrides().size(), rules.file().suppressions().size());
            }
            return engine;
        } catch (IllegalArgumentException e) { // RulesFileException says where and why
            throw new IllegalStateException(RULES_FILE + ": " + e.getMessage(), e);
        }
    }
}
