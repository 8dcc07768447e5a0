package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags json columns, which store text that every operation parses again; jsonb is the usual choice. */
final class JsonInsteadOfJsonbRule implements TableRule {

    static final String ID = "json-instead-of-jsonb";

    private static final RuleInfo INFO = new RuleInfo(ID, "json instead of jsonb", Severity.LOW,
            RuleScope.TABLE_STATE,
            "json keeps the input text as is and parses it again for every operator or function applied to it. "
                    + "jsonb stores a parsed binary form: faster to query, supports containment and existence "
                    + "operators (@>, ?), GIN indexes and equality, which json lacks (so json columns cannot be "
                    + "used in GROUP BY, DISTINCT or unique constraints). json is right only when the exact text "
                    + "(key order, duplicate keys, whitespace) must be kept.",
            "ALTER TABLE t ALTER COLUMN c TYPE jsonb USING c::jsonb; rewrites the table under an ACCESS EXCLUSIVE "
                    + "lock, and fails on values that are not valid JSON for jsonb (e.g. \\u0000 escapes). On a large "
                    + "table add a jsonb column, backfill it in batches, switch readers and writers, then drop the "
                    + "json column.",
            "CREATE TABLE webhooks (id bigint PRIMARY KEY, payload json NOT NULL);",
            "CREATE TABLE webhooks (id bigint PRIMARY KEY, payload jsonb NOT NULL);");

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
        List<String> json = new ArrayList<>();
        for (int i = 0; i < facts.columns().size(); i++) {
            if (facts.type(i).equals("json") || facts.type(i).equals("json[]")) {
                json.add(facts.columns().get(i).getName());
            }
        }
        if (json.isEmpty()) {
            return Optional.empty();
        }
        String name = facts.name();
        String message = name + " stores json rather than jsonb in " + String.join(", ", json)
                + ": reparsed on every access, no GIN indexing or equality";
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }
}
