package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterSubcommand.Flag;
import java.util.ArrayList;
import java.util.List;

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
        if (!event.getInTransactionBlock() || event.getStatement() == null
                || !mentionsConcurrently(event.getStatement())) {
            return List.of(); // nearly every event: no need to read the text
        }
        List<Finding> findings = new ArrayList<>();
        for (Refused refused : refused(event.getStatement())) {
            findings.add(finding(event, refused));
        }
        return findings;
    }

    /** A statement form PostgreSQL refuses in a transaction block, and what it names (null when nothing). */
    private record Refused(String form, String name) {
    }

    private static List<Refused> refused(String sql) {
        List<Refused> refused = new ArrayList<>();
        for (IndexStatements.CreateIndex create : IndexStatements.creates(sql)) {
            if (create.concurrently()) {
                refused.add(new Refused("CREATE INDEX CONCURRENTLY", create.name()));
            }
        }
        for (IndexStatements.DropIndex drop : IndexStatements.drops(sql)) {
            if (drop.concurrently()) {
                refused.add(new Refused("DROP INDEX CONCURRENTLY", String.join(", ", drop.names())));
            }
        }
        for (ReindexStatements.Reindex reindex : ReindexStatements.of(sql)) {
            if (reindex.concurrently()) {
                refused.add(new Refused("REINDEX " + reindex.target() + " CONCURRENTLY", reindex.name()));
            }
        }
        for (AlterTableStatement alter : AlterTableParser.statements(sql)) {
            if (alter.subcommands().stream().anyMatch(subcommand -> subcommand.is(AlterKind.DETACH_PARTITION)
                    && subcommand.has(Flag.CONCURRENTLY))) {
                refused.add(new Refused("ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY",
                        Names.qualified(alter.schema(), alter.table())));
            }
        }
        return refused;
    }

    /** A case-insensitive search that allocates nothing: the engine asks it of every DDL run in a block. */
    private static boolean mentionsConcurrently(String sql) {
        String word = "CONCURRENTLY";
        for (int i = 0; i + word.length() <= sql.length(); i++) {
            if (sql.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static Finding finding(SchemaChangeEvent event, Refused refused) {
        String name = refused.name() == null || refused.name().isEmpty() ? null : refused.name();
        String subject = name == null ? refused.form() : refused.form() + " " + name;
        String message = subject + " is inside a transaction block: PostgreSQL refuses it there (SQLSTATE 25001), "
                + "so the migration fails on deploy and what ran before it in the same transaction rolls back";
        return INFO.finding(event.getSchemaName(), null, name, message);
    }
}
