package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableRewrite;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags DDL that rewrote a whole table, which blocks all access to it for the duration. */
final class TableRewriteRule implements ChangeRule {

    static final String ID = "table-rewrite";

    private static final RuleInfo INFO = new RuleInfo(ID, "Table rewritten under an exclusive lock",
            Severity.MEDIUM, RuleScope.CHANGE,
            "Some ALTER TABLE forms copy the whole table and rebuild all of its indexes while holding an ACCESS "
                    + "EXCLUSIVE lock: changing a column to a type that is not binary-compatible, adding a column "
                    + "with a volatile default (e.g. clock_timestamp() or gen_random_uuid()), SET LOGGED/UNLOGGED, "
                    + "SET ACCESS METHOD. Reads and writes on the table stop until it finishes, and the rewrite "
                    + "needs disk space for a second copy. Severity grows with the table's size.",
            "Avoid the rewrite: varchar(n) to text or to a larger n, and numeric(p,s) to a larger p with the "
                    + "same s, need no rewrite; neither does a new column with a constant default "
                    + "(PostgreSQL 11+). Otherwise expand and contract: add a new column, backfill it in batches, "
                    + "switch the application, then drop the old column. If a rewrite is unavoidable, run it in a "
                    + "maintenance window with a lock_timeout, or rebuild online with pg_repack.",
            "ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint;",
            "-- varchar(n) to text needs no rewrite\n"
                    + "ALTER TABLE orders ALTER COLUMN email TYPE text;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        List<Finding> findings = new ArrayList<>();
        for (TableRewrite rewrite : event.getRewrites()) {
            findings.add(finding(event, rewrite, settings));
        }
        return findings;
    }

    private static Finding finding(SchemaChangeEvent event, TableRewrite rewrite, RuleSettings settings) {
        List<String> parts = Names.parts(rewrite.getTable());
        String table = Names.unqualified(rewrite.getTable());
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : event.getSchemaName();
        Optional<TableSnapshot> snapshot = EventTables.find(event, rewrite.getTable());
        // Without a snapshot the size is unknown, and unknown is not small.
        Severity severity = snapshot.map(s -> TableSize.of(s).severity(settings)).orElse(Severity.MEDIUM);
        String size = snapshot.map(s -> TableSize.of(s).describe()).orElse("size unknown");
        String reasons = rewrite.getReasons().isEmpty() ? "" : " (" + String.join(", ", rewrite.getReasons()) + ")";
        String command = event.getCommandTag() == null ? "ALTER TABLE" : event.getCommandTag();
        String qualified = Names.qualified(schema, table);
        String message = command + " rewrote " + qualified + reasons + " under an ACCESS EXCLUSIVE lock (" + size
                + "): reads and writes blocked for the whole rewrite";
        return INFO.finding(severity, schema, table, qualified, message);
    }
}
