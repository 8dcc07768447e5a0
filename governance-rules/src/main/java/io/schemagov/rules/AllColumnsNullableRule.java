package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.Optional;

/** Flags tables in which no column is NOT NULL, so that any row, even an empty one, is accepted. */
final class AllColumnsNullableRule implements TableRule {

    static final String ID = "all-columns-nullable";

    private static final RuleInfo INFO = new RuleInfo(ID, "Every column nullable", Severity.LOW,
            RuleScope.TABLE_STATE,
            "When no column is NOT NULL the table accepts rows with nothing in them, nothing identifies a row "
                    + "(a primary key would force NOT NULL), and every reader must handle NULL in every column: "
                    + "comparisons, NOT IN, sums and joins then quietly give unexpected results. It usually means "
                    + "the columns were created without deciding which values are required.",
            "Decide which columns every row must have and make them NOT NULL. On a populated table avoid a long "
                    + "scan under an ACCESS EXCLUSIVE lock: ADD CONSTRAINT c_not_null CHECK (c IS NOT NULL) NOT "
                    + "VALID, VALIDATE CONSTRAINT, then ALTER COLUMN c SET NOT NULL (PostgreSQL 12+ skips the scan), "
                    + "and drop the check. Give the table a primary key.",
            "CREATE TABLE notes (id bigint, body text);",
            "CREATE TABLE notes (id bigint NOT NULL, body text);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable() || table.getColumns().isEmpty() || anyNotNull(table)) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        int count = table.getColumns().size();
        String message = name + " has no NOT NULL column: " + (count == 1 ? "its only column accepts" : "all "
                + count + " columns accept") + " NULL (" + ShortList.of(table.getColumns().stream()
                .map(ColumnSnapshot::getName).toList()) + ")";
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }

    private static boolean anyNotNull(TableSnapshot table) {
        for (ColumnSnapshot column : table.getColumns()) {
            if (column.getNotNull()) {
                return true;
            }
        }
        return false;
    }
}
