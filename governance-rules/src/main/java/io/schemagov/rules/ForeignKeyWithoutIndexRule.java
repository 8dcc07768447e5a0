package io.schemagov.rules;

import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Flags foreign keys whose referencing columns no valid index can look up. */
final class ForeignKeyWithoutIndexRule implements TableRule {

    static final String ID = "foreign-key-without-index";

    private static final RuleInfo INFO = new RuleInfo(ID, "Foreign key without an index on its columns",
            Severity.MEDIUM, RuleScope.TABLE_STATE,
            "PostgreSQL indexes the referenced key but never the referencing columns. Every DELETE of a "
                    + "referenced row, and every UPDATE of its key, must find the rows that point to it; without "
                    + "an index whose leading columns are the foreign key's columns that is a sequential scan of "
                    + "the referencing table per row, done while locks are held, and ON DELETE CASCADE or SET NULL "
                    + "multiplies it. Joins along the key suffer the same way. Severity is HIGH on large tables.",
            "Create an index that starts with the foreign key's columns, without blocking writes: "
                    + "CREATE INDEX CONCURRENTLY t_ref_id_idx ON t (ref_id); (outside a transaction block). "
                    + "An existing multi-column index covers the key only if the key's columns come first in it; "
                    + "partial and invalid indexes do not count.",
            "CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id) ON "
                    + "DELETE CASCADE);",
            "CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id) ON "
                    + "DELETE CASCADE);\n"
                    + "CREATE INDEX order_lines_order_id_idx ON order_lines (order_id);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable()) {
            return Optional.empty();
        }
        List<ConstraintSnapshot> uncovered = new ArrayList<>();
        for (ConstraintSnapshot c : table.getConstraints()) {
            if (c.getType() == ConstraintType.FOREIGN_KEY && !c.getColumns().isEmpty() && !indexed(table, c)) {
                uncovered.add(c);
            }
        }
        if (uncovered.isEmpty()) {
            return Optional.empty();
        }
        TableSize size = TableSize.of(table);
        Severity severity = size.likelyRows() >= settings.largeTableRows() ? Severity.HIGH : INFO.defaultSeverity();
        String name = TableFacts.of(table).name();
        StringBuilder message = new StringBuilder(MessageText.CAPACITY).append(name).append(" has ");
        message = uncovered.size() == 1 ? message.append("a foreign key without an index on its columns: ")
                : message.append(uncovered.size()).append(" foreign keys without an index on their columns: ");
        MessageText.foreignKeys(message, uncovered).append(". Each DELETE or key UPDATE of a referenced row scans ")
                .append(name).append(" (");
        size.describe(message).append(')');
        return Optional.of(INFO.finding(severity, table.getSchemaName(), table.getTableName(), name,
                message.toString()));
    }

    /**
     * An index supports the key when the key's columns, in any order, are exactly its leading columns:
     * only then can a lookup by the key's values use it. Partial indexes cannot serve every lookup.
     */
    static boolean supports(IndexSnapshot index, List<String> fkColumns) {
        List<String> columns = index.getColumns();
        if (!index.getValid() || index.getPredicate() != null || columns.size() < fkColumns.size()) {
            return false;
        }
        if (fkColumns.size() == 1) {
            return columns.get(0).equals(fkColumns.get(0)); // the common case, without building two sets
        }
        return new HashSet<>(columns.subList(0, fkColumns.size())).equals(new HashSet<>(fkColumns));
    }

    private static boolean indexed(TableSnapshot table, ConstraintSnapshot fk) {
        for (IndexSnapshot index : table.getIndexes()) {
            if (supports(index, fk.getColumns())) {
                return true;
            }
        }
        return false;
    }
}
