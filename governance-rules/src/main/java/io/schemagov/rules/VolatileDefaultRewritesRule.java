package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterSubcommand.Flag;
import io.schemagov.rules.AlterTableEvent.Action;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Names the added columns whose volatile default or stored generation rewrote a populated table. */
final class VolatileDefaultRewritesRule implements ChangeRule {

    static final String ID = "volatile-default-rewrites";

    private static final RuleInfo INFO = new RuleInfo(ID, "New column's volatile default rewrote the table",
            Severity.MEDIUM, RuleScope.CHANGE,
            "Since PostgreSQL 11, ADD COLUMN with a constant or stable default (including now()) is instant: the "
                    + "value is stored once in the catalog. A volatile default (random(), gen_random_uuid(), "
                    + "clock_timestamp(), nextval(...)) or a STORED generated column must be computed per row, so "
                    + "PostgreSQL rewrites the whole table and rebuilds its indexes under an ACCESS EXCLUSIVE lock. "
                    + "This rule reports only additions PostgreSQL really rewrote for; serial and identity columns "
                    + "are reported by identity-or-serial-added. Severity grows with the table's size.",
            "Add the column without the default (or with a constant one), which is instant; then ALTER COLUMN ... "
                    + "SET DEFAULT gen_random_uuid() so that new rows get it (this rewrites nothing); backfill the "
                    + "existing rows in batches of a few thousand; add NOT NULL afterwards through a validated "
                    + "CHECK (col IS NOT NULL) constraint. For a generated column, add a plain column, fill it in "
                    + "batches and keep it current with a trigger.",
            "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();",
            "ALTER TABLE orders ADD COLUMN token uuid;\n"
                    + "-- new rows get a value; backfill the existing ones in batches afterwards\n"
                    + "ALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();");

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
        return AlterTableEvent.of(event)
                .filter(alter -> alter.table().size().holdsRows() && alter.rewrittenFor("default"))
                .map(alter -> List.copyOf(findings(alter, settings))).orElse(List.of());
    }

    private static List<Finding> findings(AlterTableEvent alter, RuleSettings settings) {
        List<AlterSubcommand> added = alter.actions().stream().map(Action::subcommand)
                .filter(subcommand -> subcommand.is(AlterKind.ADD_COLUMN)).toList();
        // A serial or identity column in the same statement may be the cause: then blame only known culprits.
        boolean otherCause = added.stream().anyMatch(s -> s.has(Flag.SERIAL) || s.has(Flag.IDENTITY));
        List<AlterSubcommand> culprits = added.stream()
                .filter(s -> s.has(Flag.VOLATILE_DEFAULT) || s.has(Flag.GENERATED_STORED)
                        || !otherCause && s.work() == TableWork.MAY_REWRITE)
                .toList();
        if (culprits.isEmpty()) {
            return List.of();
        }
        LockedTable table = alter.table();
        String columns = culprits.stream().map(VolatileDefaultRewritesRule::describe)
                .collect(Collectors.joining(" and "));
        String message = "ALTER TABLE ... " + columns + " rewrote " + table.describe() + " under an ACCESS "
                + "EXCLUSIVE lock: " + (culprits.size() == 1 ? "its value was" : "their values were")
                + " computed and written into every existing row; reads and writes blocked for the whole rewrite";
        String object = culprits.size() == 1 ? table.table() + "." + culprits.get(0).name() : null;
        return List.of(table.finding(INFO, table.severity(settings), object, message));
    }

    private static String describe(AlterSubcommand column) {
        String expression = column.expression() == null ? "" : column.expression();
        return column.label() + (column.has(Flag.GENERATED_STORED) ? " " + expression : " DEFAULT " + expression);
    }
}
