package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Flags unique constraints and indexes over nullable columns, which never reject rows holding NULL there. */
final class UniqueOverNullableColumnsRule implements TableRule {

    static final String ID = "unique-over-nullable-columns";
    private static final String NULLS_NOT_DISTINCT = "NULLS NOT DISTINCT";

    private static final RuleInfo INFO = new RuleInfo(ID, "Unique over nullable columns", Severity.LOW,
            RuleScope.TABLE_STATE,
            "NULL never equals NULL, so a unique constraint or index accepts any number of rows that have NULL in "
                    + "one of its columns: UNIQUE (tenant_id, external_ref) lets duplicates of a tenant's row in as "
                    + "long as external_ref is NULL. That is right for an optional unique value, and a silent hole "
                    + "when the columns were meant to identify a row.",
            "Make the columns NOT NULL if every row has them. Where NULL should count as a value, use UNIQUE NULLS "
                    + "NOT DISTINCT (PostgreSQL 15+), or a unique index on COALESCE(c, ...) or a partial unique index "
                    + "for the NULL case. Where optional values are meant, make that explicit with a partial index "
                    + "(WHERE c IS NOT NULL) and dismiss the finding.",
            "CREATE TABLE accounts (id bigint PRIMARY KEY, external_ref text UNIQUE);",
            "CREATE TABLE accounts (id bigint PRIMARY KEY, external_ref text NOT NULL UNIQUE);");

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
        List<String> holes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (ConstraintSnapshot unique : table.getConstraints()) {
            if (unique.getType() == ConstraintType.UNIQUE) {
                seen.add(unique.getName());
                check(unique.getName(), unique.getColumns(), unique.getDefinition(), null, facts, holes);
            }
        }
        for (IndexSnapshot index : table.getIndexes()) {
            // A constraint's index was judged with it; the primary key's columns are NOT NULL anyway.
            if (index.getUnique() && !index.getPrimary() && index.getValid() && !seen.contains(index.getName())) {
                check(index.getName(), index.getColumns(), index.getDefinition(), index.getPredicate(), facts, holes);
            }
        }
        if (holes.isEmpty()) {
            return Optional.empty();
        }
        String name = facts.name();
        String message = name + " has unique keys over nullable columns, which accept any number of rows with NULL "
                + "there: " + String.join(", ", holes);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }

    /** Adds {@code name (nullable columns)} when some key column may be NULL and NULLs stay distinct. */
    private static void check(String name, List<String> keys, String definition, String predicate,
            TableFacts facts, List<String> holes) {
        if (definition != null && UpperCaseText.contains(definition, NULLS_NOT_DISTINCT)) {
            return;
        }
        // Expressions are not columns; a predicate requiring the column to be set removes the NULL case.
        List<String> nullable = keys.stream().map(facts::column)
                .filter(column -> column != null && !column.getNotNull())
                .map(ColumnSnapshot::getName)
                .filter(column -> !excludesNull(predicate, column))
                .toList();
        if (!nullable.isEmpty()) {
            holes.add(name + " (" + String.join(", ", nullable) + " nullable)");
        }
    }

    private static boolean excludesNull(String predicate, String column) {
        return predicate != null && Pattern.compile("\\b" + Pattern.quote(column) + "\\s+IS\\s+NOT\\s+NULL\\b",
                Pattern.CASE_INSENSITIVE).matcher(predicate).find();
    }
}
