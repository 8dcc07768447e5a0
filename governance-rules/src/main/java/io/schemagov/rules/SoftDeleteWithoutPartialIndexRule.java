package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Flags soft-delete columns (deleted_at, is_deleted, deleted) that no partial index's predicate uses. */
final class SoftDeleteWithoutPartialIndexRule implements TableRule {

    static final String ID = "soft-delete-without-partial-index";

    private static final Set<String> SOFT_DELETE_COLUMNS = WordSet.of("deleted_at", "is_deleted", "deleted",
            "deleted_on", "deleted_date");

    private static final RuleInfo INFO = new RuleInfo(ID, "Soft delete without a partial index", Severity.LOW,
            RuleScope.TABLE_STATE,
            "With soft deletes nearly every query filters on the live rows (WHERE deleted_at IS NULL), while "
                    + "deleted rows pile up. Indexes over all rows grow with the dead weight and make such queries "
                    + "read deleted entries, and a plain UNIQUE constraint also blocks re-creating a value that "
                    + "only a deleted row holds.",
            "Index the live rows only, with the soft-delete condition as the predicate: CREATE INDEX CONCURRENTLY "
                    + "t_customer_live_idx ON t (customer_id) WHERE deleted_at IS NULL; and make uniqueness apply to "
                    + "live rows: CREATE UNIQUE INDEX CONCURRENTLY t_email_live_key ON t (email) WHERE deleted_at "
                    + "IS NULL. Queries must repeat the predicate to use them. Archive old deleted rows if they "
                    + "are kept only for the record.",
            "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, deleted_at timestamptz);\n"
                    + "CREATE INDEX accounts_email_idx ON accounts (email);",
            "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, deleted_at timestamptz);\n"
                    + "CREATE INDEX accounts_email_live_idx ON accounts (email) WHERE deleted_at IS NULL;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable()) {
            return Optional.empty();
        }
        List<String> unindexed = new ArrayList<>();
        for (ColumnSnapshot column : table.getColumns()) {
            if (SOFT_DELETE_COLUMNS.contains(column.getName()) && !filtered(table, column.getName())) {
                unindexed.add(column.getName());
            }
        }
        if (unindexed.isEmpty()) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        StringBuilder message = new StringBuilder(MessageText.CAPACITY).append(name).append(" soft-deletes rows with ");
        MessageText.joined(message, ", ", unindexed).append(" but no index has a predicate on ")
                .append(unindexed.size() == 1 ? "it" : "them").append(": indexes carry the deleted rows along");
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message.toString()));
    }

    private static boolean filtered(TableSnapshot table, String column) {
        for (IndexSnapshot index : table.getIndexes()) {
            if (filtersOn(index, column)) {
                return true;
            }
        }
        return false;
    }

    private static boolean filtersOn(IndexSnapshot index, String column) {
        return index.getValid() && index.getPredicate() != null
                && Pattern.compile("\\b" + Pattern.quote(column) + "\\b").matcher(index.getPredicate()).find();
    }
}
