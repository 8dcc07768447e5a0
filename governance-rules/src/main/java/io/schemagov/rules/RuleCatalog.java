package io.schemagov.rules;

import java.util.ArrayList;
import java.util.List;

/** The rules Schemagov runs by default, in the order their findings are reported. */
public final class RuleCatalog {

    private RuleCatalog() {
    }

    /** A new list of every built-in rule: change rules first, then table-state rules. */
    public static List<Rule> defaultRules() {
        return defaultRules(RuleOptions.defaults());
    }

    /** A new list of every built-in rule with the given options: change rules first, then table-state rules. */
    public static List<Rule> defaultRules(RuleOptions options) {
        List<Rule> rules = new ArrayList<>(List.of(
                new TableDroppedRule(),
                new ColumnDroppedRule(),
                new TableRewriteRule(),
                new IndexWithoutConcurrentlyRule(),
                new IndexDroppedWithoutConcurrentlyRule(),
                new ConcurrentlyInTransactionRule(),
                new CaptureIncompleteRule()));
        rules.addAll(LockRules.all());
        rules.addAll(DestructiveRules.all());
        rules.addAll(MysqlRules.changeRules());
        rules.add(new PrimaryKeyMissingRule());
        rules.add(new ForeignKeyWithoutIndexRule());
        rules.add(new TimestampWithoutTimeZoneRule());
        rules.addAll(DesignRules.all(options));
        rules.addAll(MysqlRules.tableRules());
        return List.copyOf(rules);
    }
}
