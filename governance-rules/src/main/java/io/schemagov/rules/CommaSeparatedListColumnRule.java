package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Flags string columns named like lists (tag_ids, email_list, tags): a list kept as delimited text. */
final class CommaSeparatedListColumnRule implements TableRule {

    static final String ID = "comma-separated-list-column";

    /** Last words of a column name that announce several values. */
    private static final Set<String> LIST_WORDS = WordSet.of("ids", "list", "csv", "tags", "keywords", "categories",
            "roles", "emails", "codes");

    private static final RuleInfo INFO = new RuleInfo(ID, "List stored in a string column", Severity.LOW,
            RuleScope.TABLE_STATE,
            "A text column named like a list usually holds delimited values such as '3,17,42'. The database cannot "
                    + "check them (no foreign key from an id in the string, no type, no uniqueness), finding rows "
                    + "by one value needs LIKE '%,17,%' or string splitting that no ordinary index serves, and "
                    + "updating one value rewrites the string, racing with concurrent updates.",
            "Use a child table with one row per value (a join table with foreign keys for ids), or an array "
                    + "column (bigint[], text[]) with a GIN index when the list is read whole and searched with "
                    + "@> or &&. Convert with string_to_array(c, ',') in a new column, backfilled in batches.",
            "CREATE TABLE posts (id bigint PRIMARY KEY, tag_ids text);",
            "CREATE TABLE posts (id bigint PRIMARY KEY, tag_ids bigint[]);");

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
        List<ColumnSnapshot> lists = new ArrayList<>();
        for (int i = 0; i < facts.columns().size(); i++) {
            if (facts.isString(i) && namedLikeList(facts.words(i))) {
                lists.add(facts.columns().get(i));
            }
        }
        if (lists.isEmpty()) {
            return Optional.empty();
        }
        String name = facts.name();
        StringBuilder message = new StringBuilder(MessageText.CAPACITY).append(name)
                .append(" has string columns named like lists, likely holding delimited values: ");
        MessageText.columns(message, lists);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message.toString()));
    }

    private static boolean namedLikeList(List<String> words) {
        return !words.isEmpty() && LIST_WORDS.contains(words.get(words.size() - 1));
    }
}
