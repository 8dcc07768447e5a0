package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Places an event among the ALTER TABLE statements of its text by what its snapshot already shows. */
final class AlterEffects {

    /** Whether a statement's visible effects are in a snapshot. */
    enum Ran { YES, NO, UNKNOWN }

    private AlterEffects() {
    }

    /**
     * The statements the event can belong to: those that have run by the snapshot, and after which no later
     * statement has. The capture records one event per command, each with the whole text the client sent and a
     * snapshot taken right after that command, so without this every event of a multi-statement text would judge
     * every statement again. When the snapshot cannot place the event (effects invisible or contradictory), all
     * candidates are returned: better a repeated finding than a missed one.
     */
    static List<AlterTableStatement> current(List<AlterTableStatement> candidates, TableSnapshot table) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        List<Ran> states = new ArrayList<>(candidates.size());
        for (AlterTableStatement statement : candidates) {
            states.add(ran(statement, table));
        }
        List<AlterTableStatement> feasible = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (feasible(states, i)) {
                feasible.add(candidates.get(i));
            }
        }
        return feasible.isEmpty() ? candidates : feasible;
    }

    private static boolean feasible(List<Ran> states, int index) {
        for (int j = 0; j < states.size(); j++) {
            boolean wrong = j <= index ? states.get(j) == Ran.NO : states.get(j) == Ran.YES;
            if (wrong) {
                return false;
            }
        }
        return true;
    }

    static Ran ran(AlterTableStatement statement, TableSnapshot table) {
        Ran result = Ran.UNKNOWN;
        for (AlterSubcommand subcommand : statement.subcommands()) {
            Ran ran = ran(subcommand, table);
            if (ran == Ran.NO) {
                return Ran.NO;
            }
            if (ran == Ran.YES) {
                result = Ran.YES;
            }
        }
        return result;
    }

    static Ran ran(AlterSubcommand subcommand, TableSnapshot table) {
        String name = subcommand.name();
        if (name == null) {
            return Ran.UNKNOWN;
        }
        Optional<ColumnSnapshot> column = column(table, name);
        Optional<ConstraintSnapshot> constraint = constraint(table, name);
        switch (subcommand.kind()) {
            case ADD_COLUMN:
                return of(column.isPresent());
            case DROP_COLUMN:
                return of(column.isEmpty());
            case RENAME_COLUMN:
                return column.isPresent() == column(table, subcommand.newName()).isPresent() ? Ran.UNKNOWN
                        : of(column.isEmpty());
            case ADD_CONSTRAINT:
                return of(constraint.isPresent());
            case DROP_CONSTRAINT:
                return of(constraint.isEmpty());
            case VALIDATE_CONSTRAINT:
                return constraint.map(c -> of(c.getValidated())).orElse(Ran.UNKNOWN);
            case SET_NOT_NULL:
                return column.map(c -> of(c.getNotNull())).orElse(Ran.UNKNOWN);
            case DROP_NOT_NULL:
                return column.map(c -> of(!c.getNotNull())).orElse(Ran.UNKNOWN);
            default:
                return Ran.UNKNOWN;
        }
    }

    static Optional<ColumnSnapshot> column(TableSnapshot table, String name) {
        for (ColumnSnapshot column : table.getColumns()) {
            if (column.getName().equals(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    static Optional<ConstraintSnapshot> constraint(TableSnapshot table, String name) {
        for (ConstraintSnapshot constraint : table.getConstraints()) {
            if (constraint.getName().equals(name)) {
                return Optional.of(constraint);
            }
        }
        return Optional.empty();
    }

    private static Ran of(boolean ran) {
        return ran ? Ran.YES : Ran.NO;
    }
}
