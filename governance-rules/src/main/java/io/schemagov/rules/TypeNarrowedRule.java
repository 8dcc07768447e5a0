package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterActions.Action;
import io.schemagov.rules.AlterActions.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags ALTER COLUMN ... TYPE to a bounded type that converted every row, which narrows the column when the
 * previous type allowed more; the snapshot shows only the new type, so the finding says what is now rejected.
 */
final class TypeNarrowedRule implements ChangeRule {

    static final String ID = "type-narrowed";
    private static final String ALTER_TABLE = "ALTER TABLE";

    private static final RuleInfo INFO = new RuleInfo(ID, "Column type changed to a bounded type", Severity.MEDIUM,
            RuleScope.CHANGE,
            "ALTER COLUMN ... TYPE to varchar(n), char(n), smallint, integer, numeric(p,s) or real caps what the "
                    + "column accepts from then on. If the previous type allowed more (text or a longer varchar, "
                    + "bigint, a wider numeric, double precision), writes that used to succeed fail with \"value too "
                    + "long\" or \"out of range\", and a USING clause with an explicit cast may have truncated or "
                    + "rounded existing values without an error. The catalog keeps only the new type, so this rule "
                    + "flags such changes when every row was converted (a rewrite was recorded); widening a varchar "
                    + "or a numeric's precision converts nothing and is not flagged.",
            "Look up the previous type in the migration history. If it was wider, check the data and the clients "
                    + "first (SELECT max(length(c)) or max(abs(c)); application validation). To bound values, prefer "
                    + "a CHECK constraint added NOT VALID and validated separately: it needs no table rewrite and "
                    + "is easy to change later. To undo, change the type back (another rewrite); values a USING "
                    + "cast truncated or rounded are not recovered.",
            "ALTER TABLE orders ALTER COLUMN email TYPE varchar(50);",
            "ALTER TABLE orders ADD CONSTRAINT orders_email_length CHECK (char_length(email) <= 50) NOT VALID;");

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
        // No rewrite means every value kept its bits: a binary-compatible change, which never narrows.
        if (event.getRewrites().isEmpty() && event.getCaptureError() == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Action action : AlterActions.of(event.getStatement())) {
            if (action.kind() != Kind.ALTER_TYPE || !EventSubjects.concerns(event, action.schema(), action.target())) {
                continue;
            }
            Optional<BoundedType> bound = BoundedType.of(action.result());
            if (bound.isPresent()) {
                findings.add(finding(event, action, bound.get()));
            }
        }
        return findings;
    }

    private static Finding finding(SchemaChangeEvent event, Action action, BoundedType type) {
        String schema = EventSubjects.schemaOf(event, action.schema(), action.target());
        String column = Names.qualified(Names.qualified(schema, action.target()), action.subject());
        String message = event.getCommandTag() + " changed " + column + " to " + type.name()
                + " and converted every row: from now on " + type.limit() + "; if the previous type allowed more, "
                + "writes that used to succeed now fail or lose precision (the previous type is not recorded)"
                + (action.using() ? ". Its USING conversion may have truncated or rounded existing values" : "");
        return INFO.finding(schema, action.target(), column, message);
    }
}
