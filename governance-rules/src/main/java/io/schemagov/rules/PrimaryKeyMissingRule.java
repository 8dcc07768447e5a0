package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Flags ordinary and partitioned tables that have no primary key. */
final class PrimaryKeyMissingRule implements TableRule {

    static final String ID = "primary-key-missing";

    private static final RuleInfo INFO = new RuleInfo(ID, "Table has no primary key", Severity.HIGH,
            RuleScope.TABLE_STATE,
            "Without a primary key nothing stops duplicate rows and nothing identifies a row reliably: "
                    + "ORMs and tools cannot update or delete a single row safely, and a table in a logical "
                    + "replication publication rejects UPDATE and DELETE unless it is set to REPLICA IDENTITY "
                    + "FULL, which makes the subscriber scan the whole table for every replicated row.",
            "Add a primary key. On a populated table build its index without blocking writes first: "
                    + "CREATE UNIQUE INDEX CONCURRENTLY t_pkey ON t (id); then "
                    + "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey; which is quick. "
                    + "The key columns must be NOT NULL; on a large table add CHECK (id IS NOT NULL) NOT VALID, "
                    + "VALIDATE it, then SET NOT NULL, so the check does not scan under an ACCESS EXCLUSIVE lock. "
                    + "When no natural key exists, add a bigint identity column.",
            "CREATE TABLE import_lines (line text NOT NULL, imported_at timestamptz NOT NULL);",
            "CREATE TABLE import_lines (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, line text NOT NULL, "
                    + "imported_at timestamptz NOT NULL);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable() || hasPrimaryKey(table)) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        String message = name + " has no primary key" + candidateHint(table);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }

    private static boolean hasPrimaryKey(TableSnapshot table) {
        for (ConstraintSnapshot constraint : table.getConstraints()) {
            if (constraint.getType() == ConstraintType.PRIMARY_KEY) {
                return true;
            }
        }
        for (IndexSnapshot index : table.getIndexes()) {
            if (index.getPrimary()) {
                return true;
            }
        }
        return false;
    }

    /** Points at a valid unique index on NOT NULL columns, which can become the key without a new build. */
    private static String candidateHint(TableSnapshot table) {
        Set<String> notNull = table.getColumns().stream().filter(ColumnSnapshot::getNotNull)
                .map(ColumnSnapshot::getName).collect(Collectors.toSet());
        return table.getIndexes().stream()
                .filter(index -> index.getValid() && index.getUnique() && index.getPredicate() == null)
                .filter(index -> !index.getColumns().isEmpty() && notNull.containsAll(index.getColumns()))
                .findFirst()
                .map(index -> "; unique index " + index.getName() + " on (" + String.join(", ", index.getColumns())
                        + ") could become it with ADD CONSTRAINT ... PRIMARY KEY USING INDEX")
                .orElse("");
    }
}
