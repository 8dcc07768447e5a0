package io.schemagov.rules;

import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Whether validated CHECK constraints prove a column NOT NULL, which lets PostgreSQL 12+ skip SET NOT NULL's scan. */
final class NotNullProof {

    private NotNullProof() {
    }

    /**
     * Recognises {@code CHECK (col IS NOT NULL)}, alone or AND-ed with other conditions, as pg_get_constraintdef
     * prints it. PostgreSQL's prover also accepts conditions that imply it (such as {@code col > 0}, a strict
     * operator); those are not recognised here, so a finding may be a false alarm in that case.
     */
    static boolean proves(TableSnapshot table, String column) {
        return table.getConstraints().stream().anyMatch(constraint -> proves(constraint, column));
    }

    static boolean proves(ConstraintSnapshot constraint, String column) {
        if (constraint.getType() != ConstraintType.CHECK || !constraint.getValidated()) {
            return false;
        }
        List<List<SqlToken>> statements = SqlScanner.statements(constraint.getDefinition());
        if (statements.isEmpty() || !statements.get(0).get(0).is("CHECK")) {
            return false;
        }
        List<SqlToken> expression = statements.get(0).subList(1, statements.get(0).size());
        for (List<SqlToken> conjunct : conjuncts(unwrap(expression))) {
            if (isNotNullTest(unwrap(conjunct), column)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNotNullTest(List<SqlToken> tokens, String column) {
        return tokens.size() == 4 && tokens.get(0).isName() && tokens.get(0).name().equals(column)
                && tokens.get(1).is("IS") && tokens.get(2).is("NOT") && tokens.get(3).is("NULL");
    }

    /** The parts of {@code a AND b AND c} outside brackets. */
    private static List<List<SqlToken>> conjuncts(List<SqlToken> tokens) {
        List<List<SqlToken>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            depth += TokenCursor.depth(tokens.get(i));
            if (depth == 0 && tokens.get(i).is("AND")) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        parts.add(tokens.subList(start, tokens.size()));
        return parts;
    }

    /** Strips brackets that enclose the whole expression, as many times as they do. */
    private static List<SqlToken> unwrap(List<SqlToken> tokens) {
        List<SqlToken> current = tokens;
        while (current.size() >= 2 && current.get(0).isSymbol("(") && closesAtEnd(current)) {
            current = current.subList(1, current.size() - 1);
        }
        return current;
    }

    private static boolean closesAtEnd(List<SqlToken> tokens) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            depth += TokenCursor.depth(tokens.get(i));
            if (depth == 0) {
                return i == tokens.size() - 1;
            }
        }
        return false;
    }
}
