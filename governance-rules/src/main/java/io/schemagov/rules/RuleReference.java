package io.schemagov.rules;

import io.schemagov.model.SourceKind;
import java.util.ArrayList;
import java.util.List;

/** Renders the rule catalogue as Markdown, so the published reference is always the rules' own metadata. */
public final class RuleReference {

    private RuleReference() {
    }

    /** The given rules, then the source health rule ({@link ReplicationSlotLagRule}), which is not a {@link Rule}. */
    public static String markdown(List<Rule> rules) {
        StringBuilder out = new StringBuilder()
                .append("# Rule reference\n\n")
                .append("Generated from the rules' metadata by `RuleReferenceTest`; do not edit by hand.\n")
                .append("Regenerate with `./mvnw -pl governance-rules test -Dschemagov.update-docs=true`.\n\n")
                .append("Change rules judge a DDL statement as it happened; table-state rules judge a table's structure after")
                .append(" every change and in the baseline, and their findings are resolved when the table is fixed.\n\n")
                .append("Each rule shows SQL it fires on and SQL that does the job without firing it; `RuleExamplesTest`")
                .append(" runs both through the rule, so the examples cannot drift from the code, and `RuleExamplesIT`")
                .append(" (ingest-service) runs the table-state ones that create their own table on a real PostgreSQL.")
                .append(" The source rule judges the ingest's replication slot lag readings, not SQL: its examples show")
                .append(" the situation and are not run.\n\n")
                .append("The databases column says which sources a rule judges: most change rules read PostgreSQL's")
                .append(" locks and syntax, the `mysql-` rules MariaDB/MySQL's, and the rules about structure or about")
                .append(" what was dropped or renamed judge both.\n\n")
                .append("| id | title | applies to | databases | default severity |\n|---|---|---|---|---|\n");
        List<RuleInfo> infos = new ArrayList<>(rules.stream().map(Rule::info).toList());
        infos.add(ReplicationSlotLagRule.INFO);
        for (RuleInfo info : infos) {
            out.append("| [`").append(info.id()).append("`](#").append(info.id()).append(") | ").append(info.title())
                    .append(" | ").append(scope(info.scope())).append(" | ").append(databases(info.id())).append(" | ")
                    .append(info.defaultSeverity()).append(" |\n");
        }
        for (RuleInfo info : infos) {
            out.append("\n## ").append(info.id()).append("\n\n")
                    .append("**").append(info.title()).append("** — ").append(scope(info.scope()))
                    .append(", default severity ").append(info.defaultSeverity()).append(", judges ")
                    .append(databases(info.id())).append(".\n\n")
                    .append(info.rationale()).append("\n\n")
                    .append("**Fix:** ").append(info.remediation()).append("\n\n")
                    .append("Fires on:\n\n").append(sql(info.example()))
                    .append("\nDoes not fire on:\n\n").append(sql(info.fix()));
        }
        return out.toString();
    }

    private static String sql(String text) {
        return "```sql\n" + text + "\n```\n";
    }

    private static String databases(String ruleId) {
        boolean postgres = RuleDialects.runsOn(ruleId, SourceKind.POSTGRESQL);
        boolean mysql = RuleDialects.runsOn(ruleId, SourceKind.MARIADB);
        return postgres && mysql ? "PostgreSQL, MariaDB/MySQL" : mysql ? "MariaDB/MySQL" : "PostgreSQL";
    }

    private static String scope(RuleScope scope) {
        return switch (scope) {
            case CHANGE -> "change";
            case TABLE_STATE -> "table state";
            case SOURCE_STATE -> "source";
        };
    }
}
