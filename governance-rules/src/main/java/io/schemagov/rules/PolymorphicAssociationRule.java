package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Flags polymorphic associations, a pair x_type + x_id naming a row of any of several tables, whose type column
 * no CHECK, foreign key or enum restricts.
 */
final class PolymorphicAssociationRule implements TableRule {

    static final String ID = "polymorphic-association";

    private static final String TYPE_SUFFIX = "_type";
    private static final String ID_SUFFIX = "_id";

    private static final RuleInfo INFO = new RuleInfo(ID, "Polymorphic association without a constrained type",
            Severity.MEDIUM, RuleScope.TABLE_STATE,
            "A pair like commentable_type + commentable_id points at a row of whichever table the type names. No "
                    + "foreign key can check such a reference, so deleting the target leaves orphans, and with the "
                    + "type column unconstrained any string goes in: a typo or a renamed class makes rows point "
                    + "nowhere, silently. Queries must branch on the type and cannot join with a plain key.",
            "At least restrict the type column: ADD CONSTRAINT t_x_type_check CHECK (x_type IN ('Post', "
                    + "'Photo')) NOT VALID, then VALIDATE CONSTRAINT. Better, replace the pair with one nullable "
                    + "foreign key column per target table (post_id, photo_id) and a CHECK that exactly one is set "
                    + "(num_nonnulls(post_id, photo_id) = 1), or with a separate join table per target, so every "
                    + "reference is checked and cascades.",
            "CREATE TABLE comments (id bigint PRIMARY KEY, commentable_type text NOT NULL, commentable_id bigint NOT "
                    + "NULL);",
            "CREATE TABLE comments (id bigint PRIMARY KEY, commentable_type text NOT NULL, commentable_id bigint NOT "
                    + "NULL,\n"
                    + "    CONSTRAINT comments_commentable_type_check CHECK (commentable_type IN ('Post', 'Photo')));");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        TableFacts facts = TableFacts.of(table);
        if (!facts.isTable() || !anyTypeColumn(table)) {
            return Optional.empty();
        }
        List<String> pairs = table.getColumns().stream()
                .filter(column -> column.getName().endsWith(TYPE_SUFFIX)
                        && column.getName().length() > TYPE_SUFFIX.length())
                .filter(column -> !"E".equals(column.getTypeCategory())) // an enum already restricts the values
                .map(column -> stem(column.getName()))
                .filter(stem -> facts.column(stem + ID_SUFFIX) != null)
                .filter(stem -> !constrained(table, stem + TYPE_SUFFIX) && !referencing(table, stem + ID_SUFFIX))
                .map(stem -> stem + TYPE_SUFFIX + " + " + stem + ID_SUFFIX)
                .toList();
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        String name = facts.name();
        String message = name + " has polymorphic references that no foreign key checks and whose type column "
                + "accepts any value: " + String.join(", ", pairs);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }

    private static boolean anyTypeColumn(TableSnapshot table) {
        for (ColumnSnapshot column : table.getColumns()) {
            if (column.getName().endsWith(TYPE_SUFFIX)) {
                return true;
            }
        }
        return false;
    }

    private static String stem(String typeColumn) {
        return typeColumn.substring(0, typeColumn.length() - TYPE_SUFFIX.length());
    }

    /** A CHECK or foreign key on the type column (by its column list, or naming it in its definition). */
    private static boolean constrained(TableSnapshot table, String typeColumn) {
        Pattern word = Pattern.compile("\\b" + Pattern.quote(typeColumn) + "\\b");
        return table.getConstraints().stream()
                .filter(c -> c.getType() == ConstraintType.CHECK || c.getType() == ConstraintType.FOREIGN_KEY)
                .anyMatch(c -> c.getColumns().contains(typeColumn)
                        || c.getDefinition() != null && word.matcher(c.getDefinition()).find());
    }

    /** An x_id with a foreign key of its own is an ordinary reference, whatever x_type says. */
    private static boolean referencing(TableSnapshot table, String idColumn) {
        return table.getConstraints().stream().filter(c -> c.getType() == ConstraintType.FOREIGN_KEY)
                .map(ConstraintSnapshot::getColumns).anyMatch(columns -> columns.contains(idColumn));
    }
}
