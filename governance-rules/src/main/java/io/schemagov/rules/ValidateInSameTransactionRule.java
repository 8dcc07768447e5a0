package io.schemagov.rules;

import io.schemagov.model.ConstraintType;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterSubcommand.Flag;
import io.schemagov.rules.AlterTableEvent.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Flags VALIDATE CONSTRAINT run in the transaction that added the constraint NOT VALID, which undoes the split. */
final class ValidateInSameTransactionRule implements ChangeRule {

    static final String ID = "validate-in-same-transaction";

    private static final RuleInfo INFO = new RuleInfo(ID, "Constraint validated in the transaction that added it",
            Severity.MEDIUM, RuleScope.CHANGE,
            "ADD CONSTRAINT ... NOT VALID followed by VALIDATE CONSTRAINT is meant to run as two transactions: the "
                    + "ADD holds its strong lock (SHARE ROW EXCLUSIVE for a foreign key, ACCESS EXCLUSIVE for a "
                    + "CHECK) only for an instant, and the VALIDATE scans under SHARE UPDATE EXCLUSIVE, which lets "
                    + "reads and writes continue. In one transaction the ADD's lock is held until COMMIT, so the "
                    + "scan blocks exactly as a plain ADD CONSTRAINT would. What one event shows: the statement text "
                    + "the client sent and whether the command ran after other statements of its transaction. When "
                    + "the text holds both the ADD ... NOT VALID and the VALIDATE with no COMMIT between them, the "
                    + "finding is certain (severity by table size). When the VALIDATE merely ran inside a "
                    + "transaction block, the ADD may or may not have been part of it (migration tools often wrap "
                    + "each migration file in a transaction): that is reported at LOW as something to check. Some "
                    + "drivers' extended query protocol can make a lone statement look like it ran in a block.",
            "Put the VALIDATE CONSTRAINT in its own migration (its own transaction), after the migration that "
                    + "added the constraint NOT VALID has committed. With a tool that wraps each migration in a "
                    + "transaction, keep the two statements in separate migration files; do not run them in one "
                    + "psql -c string or one BEGIN ... COMMIT block.",
            "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\n"
                    + "ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;",
            "-- a migration of its own, run after the one that added orders_total_check NOT VALID has committed\n"
                    + "ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;");

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
        AlterTableEvent.of(event).filter(alter -> alter.table().mayHoldRows()).ifPresent(alter -> {
            for (Action action : alter.actions()) {
                AlterSubcommand validate = action.subcommand();
                if (!validate.is(AlterKind.VALIDATE_CONSTRAINT) || validate.name() == null) {
                    continue;
                }
                Optional<Action> added = addedNotValid(alter, action);
                if (added.isPresent()) {
                    findings.add(certain(alter.table(), action, added.get(), settings));
                } else if (event.getInTransactionBlock()) {
                    findings.add(possible(alter.table(), action));
                }
            }
        });
        return findings;
    }

    /** The ADD ... NOT VALID of the same constraint earlier in the text, with no transaction end in between. */
    private static Optional<Action> addedNotValid(AlterTableEvent alter, Action validate) {
        int position = validate.statement().position();
        for (AlterTableStatement statement : alter.onTable()) {
            if (statement.position() > position || alter.transactionEndsBetween(statement.position(), position)) {
                continue;
            }
            for (AlterSubcommand subcommand : statement.subcommands()) {
                if (subcommand.is(AlterKind.ADD_CONSTRAINT) && subcommand.has(Flag.NOT_VALID)
                        && validate.subcommand().name().equals(subcommand.name())) {
                    return Optional.of(new Action(statement, subcommand));
                }
            }
        }
        return Optional.empty();
    }

    private static Finding certain(LockedTable table, Action validate, Action added, RuleSettings settings) {
        LockLevel lock = added.lock();
        String message = validate.describe() + " ran in the same transaction as the ADD CONSTRAINT ... NOT VALID "
                + "that created it (same statement text): the " + lock.sqlName() + " lock the ADD took on "
                + table.describe() + " was still held while the validation scanned every row, so "
                + lock.blockedActivity() + " were blocked as if NOT VALID had not been used";
        return table.finding(INFO, table.severity(settings), validate.subcommand().name(), message);
    }

    private static Finding possible(LockedTable table, Action validate) {
        String name = validate.subcommand().name();
        String lock = AlterEffects.constraint(table.snapshot(), name).map(c -> lockOfAdd(c.getType()))
                .map(level -> level.withArticle() + " (" + level.blockedActivity() + " blocked)")
                .orElse("its lock");
        String message = validate.describe() + " ran inside a transaction block, after other statements, on "
                + table.describe() + ". If the ADD CONSTRAINT ... NOT VALID ran earlier in the same transaction, "
                + lock + " was held for the whole validation scan; this event alone cannot tell, so check the "
                + "migration";
        return table.finding(INFO, Severity.LOW, name, message);
    }

    private static LockLevel lockOfAdd(ConstraintType type) {
        return type == ConstraintType.FOREIGN_KEY ? LockLevel.SHARE_ROW_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE;
    }
}
