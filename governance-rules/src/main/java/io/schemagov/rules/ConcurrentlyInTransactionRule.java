package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterSubcommand.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flags the CONCURRENTLY forms PostgreSQL refuses to run inside a transaction block, which make a migration fail
 * on deploy. Live capture never sees them (PostgreSQL refuses the statement, so no event trigger fires); the
 * migration lint does, from the migration file's own BEGIN or from a runner that wraps each file in a transaction.
 */
final class ConcurrentlyInTransactionRule implements ChangeRule {

    static final String ID = "concurrently-in-transaction";

    private static final RuleInfo INFO = new RuleInfo(ID, "CONCURRENTLY inside a transaction block", Severity.HIGH,
            RuleScope.CHANGE,
            "PostgreSQL refuses CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY and "
                    + "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY inside a transaction block (SQLSTATE 25001, "
                    + "\"cannot run inside a transaction block\"): they commit internal transactions of their own "
                    + "between phases. The statement is in a BEGIN ... COMMIT block, or the migration runner wraps "
                    + "each migration in a transaction, as Flyway, Liquibase and Rails do by default. The migration "
                    + "then fails on deploy, and with a transaction per migration everything else in it rolls back "
                    + "too, so the whole migration must be split up and run again. REFRESH MATERIALIZED VIEW "
                    + "CONCURRENTLY is allowed in a transaction and not reported. Live capture never sees this "
                    + "mistake, because PostgreSQL refuses the statement before any event is recorded: the rule "
                    + "fires in the migration lint (governance-lint), before the migration ships.",
            "Run the statement in a migration of its own without a transaction: take it out of the BEGIN ... "
                    + "COMMIT block, and where the migration tool wraps each migration in a transaction use its "
                    + "per-migration switch to run this one migration without one. Keep nothing else in that "
                    + "migration, since a failure part-way can no longer roll it back; make it safe to rerun (IF "
                    + "NOT EXISTS / IF EXISTS) and, for an index, drop the INVALID index a failed build leaves before "
                    + "retrying.",
            "BEGIN;\n"
                    + "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\n"
                    + "COMMIT;",
            "-- a migration of its own, run without a transaction\n"
                    + "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (!event.getInTransactionBlock() || event.getStatement() == null) {
            return List.of();
        }
        String sql = event.getStatement();
        if (!sql.toUpperCase(Locale.ROOT).contains("CONCURRENTLY")) {
            return List.of(); // nearly every statement: no need to read it
        }
        List<Finding> findings = new ArrayList<>();
        for (IndexStatements.CreateIndex create : IndexStatements.creates(sql)) {
            if (create.concurrently()) {
                findings.add(finding(event, "CREATE INDEX CONCURRENTLY", create.name()));
            }
        }
        for (IndexStatements.DropIndex drop : IndexStatements.drops(sql)) {
            if (drop.concurrently()) {
                findings.add(finding(event, "DROP INDEX CONCURRENTLY", String.join(", ", drop.names())));
            }
        }
        for (ReindexStatements.Reindex reindex : ReindexStatements.of(sql)) {
            if (reindex.concurrently()) {
                findings.add(finding(event, "REINDEX " + reindex.target() + " CONCURRENTLY", reindex.name()));
            }
        }
        for (AlterTableStatement alter : AlterTableParser.statements(sql)) {
            for (AlterSubcommand subcommand : alter.subcommands()) {
                if (subcommand.is(AlterKind.DETACH_PARTITION) && subcommand.has(Flag.CONCURRENTLY)) {
                    findings.add(finding(event, "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY",
                            Names.qualified(alter.schema(), alter.table())));
                }
            }
        }
        return findings;
    }

    private static Finding finding(SchemaChangeEvent event, String form, String name) {
        String subject = name == null || name.isEmpty() ? form : form + " " + name;
        String message = subject + " is inside a transaction block: PostgreSQL refuses it there (SQLSTATE 25001), "
                + "so the migration fails on deploy and what ran before it in the same transaction rolls back";
        String object = name == null || name.isEmpty() ? null : name;
        return INFO.finding(event.getSchemaName(), null, object, message);
    }
}
