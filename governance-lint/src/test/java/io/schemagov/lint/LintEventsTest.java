package io.schemagov.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.lint.LintReport.LintFinding;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.Rule;
import io.schemagov.rules.RuleCatalog;
import io.schemagov.rules.RuleEngine;
import io.schemagov.rules.RuleInfo;
import io.schemagov.rules.config.RulesFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Which rules can fire on a lint event, which has no catalog behind it. Every rule's documented example and fix,
 * plus a migration of the usual risky statements, run through the lint in both transaction modes: the only
 * rules that fire must be those whose verdict the statement text alone supports. A new rule that fires here must
 * be checked for that and added, or taught to stay silent without a snapshot.
 */
class LintEventsTest {

    /** Verdicts from the text: a CONCURRENTLY form in a block, a renamed enum value or column, a TRUNCATE, a
     * dropped NOT NULL. None depends on a table's size or structure. */
    static final Set<String> STATEMENT_TEXT_RULES = Set.of("concurrently-in-transaction", "enum-value-changed",
            "table-truncated", "column-renamed", "not-null-dropped");

    static final String RISKY_MIGRATION = """
            ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
            ALTER TABLE orders ALTER COLUMN email TYPE varchar(50);
            ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
            ALTER TABLE orders ALTER COLUMN email SET NOT NULL;
            ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
            ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;
            ALTER TABLE orders DROP COLUMN note;
            ALTER TABLE orders RENAME TO purchases;
            DROP TABLE legacy CASCADE;
            DROP SCHEMA old CASCADE;
            CREATE INDEX orders_email_idx ON orders (email);
            DROP INDEX orders_email_idx;
            REINDEX TABLE orders;
            VACUUM FULL orders;
            CLUSTER orders USING orders_pkey;
            CREATE TABLE notes (id int, body text);
            """;

    @Test
    void onlyRulesThatJudgeTheStatementTextFireOnLintEvents() {
        Set<String> fired = new TreeSet<>();
        for (TransactionMode mode : TransactionMode.values()) {
            MigrationLinter linter = new MigrationLinter(RuleEngine.withDefaults(), mode, Instant.now());
            for (String sql : scripts()) {
                linter.lint("example.sql", sql).findings().stream().map(LintFinding::finding)
                        .forEach(finding -> fired.add(finding.ruleId()));
            }
        }

        assertThat(fired).containsExactlyInAnyOrderElementsOf(STATEMENT_TEXT_RULES);
    }

    @Test
    void theLintEngineLeavesOutTheRulesAboutTheCapture() {
        RuleEngine engine = LintRules.engine(RulesFile.parse("rules.yaml",
                "rules:\n  capture-incomplete:\n    enabled: true\n"), "rules.yaml");

        assertThat(engine.rules()).extracting(RuleInfo::id).doesNotContainAnyElementsOf(LintRules.CAPTURE_RULES)
                .contains("concurrently-in-transaction");
        assertThat(RuleCatalog.defaultRules()).extracting(rule -> rule.info().id())
                .containsAll(LintRules.CAPTURE_RULES);
    }

    @Test
    void aLintEventCarriesWhatTheFileTellsAndNoCatalog() {
        var statement = (ScriptPart.Statement) StatementSplitter.split("\n\nALTER TABLE app.orders ADD note text;")
                .get(0);
        Session session = new Session(TransactionMode.PER_FILE);
        SchemaChangeEvent event = LintEvents.of("V1__x.sql", statement, DdlCommand.of(statement).orElseThrow(),
                session, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(event.getCommandTag()).isEqualTo("ALTER TABLE");
        assertThat(event.getObjectIdentity()).isEqualTo("app.orders");
        assertThat(event.getSchemaName()).isEqualTo("app");
        assertThat(event.getSource().getPosition()).isEqualTo("V1__x.sql:3");
        assertThat(event.getInTransactionBlock()).isTrue();
        assertThat(event.getLockTimeoutMs()).isZero();
        assertThat(event.getTables()).isEmpty();
        assertThat(event.getCaptureError()).isNull();
    }

    private static List<String> scripts() {
        List<String> scripts = new ArrayList<>(List.of(RISKY_MIGRATION));
        for (Rule rule : RuleCatalog.defaultRules()) {
            scripts.add(rule.info().example());
            scripts.add(rule.info().fix());
        }
        return scripts;
    }
}
