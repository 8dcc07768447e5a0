package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags foreign key columns whose type differs from the type of the key they reference. */
final class ForeignKeyTypeMismatchRule implements TableRule {

    static final String ID = "foreign-key-type-mismatch";

    private static final RuleInfo INFO = new RuleInfo(ID, "Foreign key column type differs from the referenced key",
            Severity.MEDIUM, RuleScope.TABLE_STATE,
            "PostgreSQL accepts a foreign key between comparable types, but the mismatch costs: an integer column "
                    + "referencing a bigint key cannot hold keys beyond 2^31, so inserts fail once the parent's ids "
                    + "pass that; a shorter varchar rejects longer keys; and where the two types share no index "
                    + "operator family (numeric against bigint, say), joins and the key's own checks cast one side, "
                    + "which can keep the planner from using its index.",
            "Give the referencing column exactly the referenced column's type, e.g. ALTER TABLE t ALTER COLUMN "
                    + "ref_id TYPE bigint; this rewrites the table under an ACCESS EXCLUSIVE lock, so on a large "
                    + "table add a new column of the right type, backfill it in batches, and swap it in. Widening a "
                    + "varchar needs no rewrite.",
            "-- customers.id is bigint\n"
                    + "CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers "
                    + "(id) ON DELETE RESTRICT);",
            "CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id) ON "
                    + "DELETE RESTRICT);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        TableFacts facts = TableFacts.of(table);
        if (!facts.isTable()) {
            return Optional.empty();
        }
        List<String> mismatches = new ArrayList<>();
        for (ConstraintSnapshot fk : table.getConstraints()) {
            if (fk.getType() == ConstraintType.FOREIGN_KEY) {
                mismatches.addAll(mismatches(fk, facts));
            }
        }
        if (mismatches.isEmpty()) {
            return Optional.empty();
        }
        String name = facts.name();
        String message = name + " has foreign key columns of another type than the key they reference: "
                + String.join(", ", mismatches);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }

    /** E.g. {@code orders_customer_id_fkey: customer_id integer → public.customers(id) bigint}. */
    private static List<String> mismatches(ConstraintSnapshot fk, TableFacts facts) {
        List<String> types = fk.getReferencedColumnTypes();
        List<String> referenced = fk.getReferencedColumns();
        List<String> mismatches = new ArrayList<>();
        // Older captures carry no referenced types; without them nothing can be compared.
        if (types.size() != fk.getColumns().size() || referenced.size() != types.size()) {
            return mismatches;
        }
        for (int i = 0; i < types.size(); i++) {
            ColumnSnapshot column = facts.column(fk.getColumns().get(i));
            if (column != null && !types.get(i).equals(column.getDataType())) {
                mismatches.add(fk.getName() + ": " + DesignColumns.describe(column) + " → "
                        + fk.getReferencedTable() + "(" + referenced.get(i) + ") " + types.get(i));
            }
        }
        return mismatches;
    }
}
