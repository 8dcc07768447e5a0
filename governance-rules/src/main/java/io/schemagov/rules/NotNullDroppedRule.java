package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import io.schemagov.rules.AlterActions.Action;
import io.schemagov.rules.AlterActions.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Flags ALTER COLUMN ... DROP NOT NULL, after which readers may get NULLs they never had to handle. */
final class NotNullDroppedRule implements ChangeRule {

    static final String ID = "not-null-dropped";
    private static final String ALTER_TABLE = "ALTER TABLE";

    private static final RuleInfo INFO = new RuleInfo(ID, "NOT NULL dropped from a column", Severity.LOW,
            RuleScope.CHANGE,
            "After DROP NOT NULL the column accepts NULL. Readers that relied on a value (application code "
                    + "without null handling, NOT IN subqueries, sums and comparisons, joins on the column, unique "
                    + "constraints, which never treat NULLs as equal) misbehave as soon as a writer stores one, and "
                    + "restoring NOT NULL later first needs those rows cleaned up.",
            "Release readers that handle NULL before writers that store it; consider a default instead of NULL. "
                    + "To restore the constraint on a large table without a long scan under an ACCESS EXCLUSIVE "
                    + "lock: ADD CONSTRAINT c_not_null CHECK (c IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT, "
                    + "then ALTER COLUMN c SET NOT NULL (PostgreSQL 12+ uses the validated check instead of "
                    + "scanning), and drop the check.",
            "ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;",
            "-- keep the column required and give new rows a value\n"
                    + "ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> commandTags() {
        return Set.of(ALTER_TABLE);
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (!ALTER_TABLE.equalsIgnoreCase(event.getCommandTag()) || event.getStatement() == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Action action : AlterActions.of(event.getStatement())) {
            if (action.kind() == Kind.DROP_NOT_NULL && EventSubjects.concerns(event, action.schema(), action.target())
                    && !stillNotNull(event, action)) {
                String schema = EventSubjects.schemaOf(event, action.schema(), action.target());
                String column = Names.qualified(Names.qualified(schema, action.target()), action.subject());
                String message = event.getCommandTag() + " dropped NOT NULL from " + column
                        + ": readers may now get NULLs where they always had a value";
                findings.add(INFO.finding(schema, action.target(), column, message));
            }
        }
        return findings;
    }

    /** A snapshot still showing NOT NULL means another command of the query string set it again. */
    private static boolean stillNotNull(SchemaChangeEvent event, Action action) {
        Optional<TableSnapshot> table = EventSubjects.snapshot(event, action.schema(), action.target());
        return table.isPresent() && table.get().getColumns().stream()
                .anyMatch(column -> column.getName().equals(action.subject()) && column.getNotNull());
    }
}
