package io.schemagov.analyzer.catalogue;

import io.schemagov.analyzer.compliance.ComplianceRule;
import io.schemagov.analyzer.config.RulesInForce;
import io.schemagov.rules.ReplicationSlotLagRule;
import io.schemagov.rules.Rule;
import io.schemagov.rules.RuleCatalog;
import io.schemagov.rules.RuleEngine;
import io.schemagov.rules.RuleInfo;
import io.schemagov.rules.RulePolicy.ObjectSuppression;
import io.schemagov.rules.RulePolicy.RuleOverride;
import io.schemagov.rules.config.RulesFile.Thresholds;
import io.schemagov.analyzer.elasticsearch.DocumentIds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The documents that describe the rules as this analyzer runs them: one per rule (enabled or not, its severity
 * override, its thresholds, its documentation) and one per suppression of the rules file. The dashboard's rules
 * page reads them, so it shows the configuration in force rather than the defaults.
 */
final class RuleCatalogue {

    private RuleCatalogue() {
    }

    /** Document id to document; ids are stable, so a republish overwrites. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> documents(RulesInForce rules, RuleEngine engine, Instant now) {
        Set<String> enabled = engine.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
        for (Rule rule : RuleCatalog.defaultRules(rules.file().options())) {
            RuleInfo info = rule.info();
            docs.put("rule:" + info.id(), schemaRule(info, enabled.contains(info.id()), rules, now));
        }
        for (ComplianceRule rule : ComplianceRule.values()) {
            Map<String, Object> doc = common("rule", rule.id(), rules, now);
            doc.put("family", "compliance");
            doc.put("title", rule.title());
            doc.put("scope", "data");
            doc.put("enabled", true);
            doc.put("defaultSeverity", rule.severity().name());
            doc.put("details", Map.of("remediation", rule.remediation()));
            docs.put("rule:" + rule.id(), doc);
        }
        Map<String, Object> slotLag = schemaRule(ReplicationSlotLagRule.INFO, true, rules, now);
        slotLag.put("family", "source");
        ((Map<String, Object>) slotLag.get("details")).remove("thresholds"); // the ingest's slot-lag.threshold decides
        docs.put("rule:" + ReplicationSlotLagRule.ID, slotLag);
        List<ObjectSuppression> suppressions = rules.file().suppressions();
        for (int i = 0; i < suppressions.size(); i++) {
            ObjectSuppression s = suppressions.get(i);
            Map<String, Object> doc = common("suppression", s.ruleId(), rules, now);
            doc.put("database", s.database());
            doc.put("object", s.object());
            doc.put("author", s.suppression().author());
            doc.put("reason", s.suppression().reason());
            doc.put("expires", s.suppression().expires() == null ? null : s.suppression().expires().toString());
            doc.put("details", Map.of("source", s.suppression().source().name().toLowerCase(Locale.ROOT),
                    "order", i));
            docs.put("suppression:" + DocumentIds.of(String.valueOf(s.database()), s.ruleId(), s.object()), doc);
        }
        return docs;
    }

    private static Map<String, Object> schemaRule(RuleInfo info, boolean enabled, RulesInForce rules, Instant now) {
        Map<String, Object> doc = common("rule", info.id(), rules, now);
        RuleOverride override = rules.file().overrides().get(info.id());
        doc.put("family", "schema");
        doc.put("title", info.title());
        doc.put("scope", info.scope().name().toLowerCase(Locale.ROOT));
        doc.put("enabled", enabled);
        doc.put("defaultSeverity", info.defaultSeverity().name());
        doc.put("severity", override == null || override.severity() == null ? null : override.severity().name());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rationale", info.rationale());
        details.put("remediation", info.remediation());
        details.put("example", info.example());
        details.put("fix", info.fix());
        details.put("thresholds", thresholds(rules, info.id()));
        doc.put("details", details);
        return doc;
    }

    /** The rule's own thresholds, else the file's general ones, else the service's, field by field. */
    private static Map<String, Object> thresholds(RulesInForce rules, String ruleId) {
        Thresholds own = rules.file().ruleSettings().get(ruleId);
        Thresholds general = rules.file().thresholds();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("smallTableRows", pick(own == null ? null : own.smallTableRows(),
                general == null ? null : general.smallTableRows(), rules.serviceThresholds().smallTableRows()));
        t.put("largeTableRows", pick(own == null ? null : own.largeTableRows(),
                general == null ? null : general.largeTableRows(), rules.serviceThresholds().largeTableRows()));
        t.put("hugeTableRows", pick(own == null ? null : own.hugeTableRows(),
                general == null ? null : general.hugeTableRows(), rules.serviceThresholds().hugeTableRows()));
        return t;
    }

    private static long pick(Long own, Long general, long service) {
        return own != null ? own : general != null ? general : service;
    }

    private static Map<String, Object> common(String kind, String ruleId, RulesInForce rules, Instant now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", kind);
        doc.put("ruleId", ruleId);
        doc.put("rulesFile", rules.source());
        doc.put("publishedAt", now.toString());
        return doc;
    }
}
