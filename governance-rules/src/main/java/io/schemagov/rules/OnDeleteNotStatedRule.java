package io.schemagov.rules;

import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags foreign keys whose ON DELETE is the default NO ACTION, so that the intent gets stated. */
final class OnDeleteNotStatedRule implements TableRule {

    static final String ID = "on-delete-not-stated";

    private static final RuleInfo INFO = new RuleInfo(ID, "Foreign key without an ON DELETE action", Severity.LOW,
            RuleScope.TABLE_STATE,
            "A foreign key without ON DELETE gets NO ACTION: deleting a referenced row fails while referencing "
                    + "rows exist. That is often right, but often it was simply not decided, and the application "
                    + "then deletes children by hand or meets the error in production. The catalog does not keep "
                    + "whether NO ACTION was written out, so this rule also flags keys that state it.",
            "Decide per key what deleting the parent means and say so: ON DELETE CASCADE for parts owned by the "
                    + "parent (order lines), ON DELETE SET NULL for optional references, ON DELETE RESTRICT to "
                    + "forbid it outright. Changing the action means dropping and re-adding the key; add the new "
                    + "one NOT VALID and VALIDATE it separately to avoid a long lock. Where NO ACTION is intended, "
                    + "dismiss the finding.",
            "CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id));",
            "CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id) ON "
                    + "DELETE CASCADE);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable()) {
            return Optional.empty();
        }
        // pg_get_constraintdef writes ON DELETE only for actions other than NO ACTION.
        List<ConstraintSnapshot> silent = new ArrayList<>();
        for (ConstraintSnapshot c : table.getConstraints()) {
            if (c.getType() == ConstraintType.FOREIGN_KEY && c.getDefinition() != null
                    && !UpperCaseText.contains(c.getDefinition(), "ON DELETE")) {
                silent.add(c);
            }
        }
        if (silent.isEmpty()) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        StringBuilder message = new StringBuilder(MessageText.CAPACITY).append(name).append(" has ");
        message = silent.size() == 1 ? message.append("a foreign key that does")
                : message.append(silent.size()).append(" foreign keys that do");
        message.append(" not state ON DELETE, so deleting a referenced row fails while rows point to it: ");
        MessageText.foreignKeys(message, silent);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message.toString()));
    }
}
