package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterSubcommand.Flag;
import io.schemagov.rules.AlterTableEvent.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Flags NOT NULL columns added without a default, which work only while the table is empty. */
final class NotNullColumnWithoutDefaultRule implements ChangeRule {

    static final String ID = "not-null-column-without-default";

    private static final RuleInfo INFO = new RuleInfo(ID, "NOT NULL column added without a default", Severity.LOW,
            RuleScope.CHANGE,
            "ALTER TABLE ... ADD COLUMN ... NOT NULL without a DEFAULT gives existing rows NULL, so PostgreSQL "
                    + "refuses it on a table that holds rows (\"column ... contains null values\"). If this change "
                    + "was captured it succeeded, so the table was empty here; the same migration will fail where "
                    + "the table holds rows: in production, in another environment, on a restored backup, or on a "
                    + "logical replica whose schema is migrated separately. Always LOW: nothing broke here.",
            "Give the column a DEFAULT (a constant default is instant since PostgreSQL 11: ADD COLUMN c text NOT "
                    + "NULL DEFAULT 'x'), or add it nullable, backfill it, and add NOT NULL afterwards through CHECK "
                    + "(c IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT and SET NOT NULL. If the table is created in "
                    + "the same migration, declare the column in CREATE TABLE instead.",
            "ALTER TABLE orders ADD COLUMN region text NOT NULL;",
            "ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> commandTags() {
        return Set.of("ALTER TABLE");
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        List<Finding> findings = new ArrayList<>();
        AlterTableEvent.of(event).filter(alter -> !createdInText(alter)).ifPresent(alter -> {
            for (Action action : alter.actions()) {
                if (fillsNothing(action.subcommand())) {
                    findings.add(finding(alter.table(), action));
                }
            }
        });
        return findings;
    }

    /** NOT NULL with no value for existing rows: no default (DEFAULT NULL is none), serial, identity or generation. */
    private static boolean fillsNothing(AlterSubcommand added) {
        boolean defaulted = added.has(Flag.DEFAULT) && !"NULL".equalsIgnoreCase(added.expression());
        return added.is(AlterKind.ADD_COLUMN) && added.has(Flag.NOT_NULL) && !defaulted && !added.has(Flag.SERIAL)
                && !added.has(Flag.IDENTITY) && !added.has(Flag.GENERATED_STORED);
    }

    /** A table created earlier in the same text is new everywhere the migration runs: nothing to fail on. */
    private static boolean createdInText(AlterTableEvent alter) {
        for (List<SqlToken> statement : alter.text()) {
            TokenCursor cursor = new TokenCursor(statement);
            if (!cursor.take("CREATE")) {
                continue;
            }
            // CREATE [GLOBAL | LOCAL] [TEMP | TEMPORARY | UNLOGGED] TABLE
            for (int word = 0; word < 3 && !cursor.peekIs("TABLE"); word++) {
                cursor.name();
            }
            if (!cursor.take("TABLE")) {
                continue;
            }
            cursor.skipIfExists();
            List<String> name = cursor.qualifiedName();
            if (!name.isEmpty() && name.get(name.size() - 1).equals(alter.table().table())) {
                return true;
            }
        }
        return false;
    }

    private static Finding finding(LockedTable table, Action action) {
        String column = action.subcommand().name();
        String message = action.describe() + " NOT NULL without a DEFAULT succeeded only because " + table.name()
                + " was empty: on any copy of the table that holds rows (production, another environment, a "
                + "restored backup) the same migration fails with: column \"" + column + "\" of relation \""
                + table.table() + "\" contains null values";
        return table.finding(INFO, Severity.LOW, table.table() + "." + column, message);
    }
}
