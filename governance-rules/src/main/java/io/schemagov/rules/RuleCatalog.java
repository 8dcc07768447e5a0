package io.schemagov.rules;

import java.util.List;

/** The rules Schemagov runs by default, in the order their findings are reported. */
public final class RuleCatalog {

    private RuleCatalog() {
    }

    /** A new list of every built-in rule: change rules first, then table-state rules. */
    public static List<Rule> defaultRules() {
        return List.of(
                new TableDroppedRule(),
                new ColumnDroppedRule(),
                new TableRewriteRule(),
                new IndexWithoutConcurrentlyRule(),
                new IndexDroppedWithoutConcurrentlyRule(),
                new CaptureIncompleteRule(),
                new PrimaryKeyMissingRule(),
                new ForeignKeyWithoutIndexRule(),
                new TimestampWithoutTimeZoneRule());
    }
}
