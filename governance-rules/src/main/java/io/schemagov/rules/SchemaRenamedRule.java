package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.AlterActions.Action;
import io.schemagov.rules.AlterActions.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Flags renamed schemas, which break every qualified name and search_path that uses the old name. */
final class SchemaRenamedRule implements ChangeRule {

    static final String ID = "schema-renamed";
    private static final String ALTER_SCHEMA = "ALTER SCHEMA";

    private static final RuleInfo INFO = new RuleInfo(ID, "Schema renamed", Severity.HIGH, RuleScope.CHANGE,
            "Renaming a schema renames it for every object in it at once. Schema-qualified names in application "
                    + "code, search_path settings (per role, per database, in connection strings and in functions' "
                    + "SET search_path) and grant scripts now name a schema that does not exist: queries fail with "
                    + "\"relation does not exist\" or, worse, resolve to a same-named object in another schema on "
                    + "the search_path. Function bodies are not rewritten; they resolve names when they run.",
            "Avoid renaming schemas in place. Create the new schema, move tables with ALTER TABLE ... SET SCHEMA "
                    + "while views under the old schema's name point at them, update search_path settings "
                    + "(ALTER ROLE ... SET search_path) and code, then drop the old schema once nothing uses it. To "
                    + "undo, rename it back: ALTER SCHEMA new_name RENAME TO old_name.",
            "ALTER SCHEMA sales RENAME TO commerce;",
            "-- a new schema; move tables with SET SCHEMA while views under the old name point at them\n"
                    + "CREATE SCHEMA commerce;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> commandTags() {
        return Set.of(ALTER_SCHEMA);
    }

    @Override
    public List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings) {
        if (!ALTER_SCHEMA.equalsIgnoreCase(event.getCommandTag()) || event.getStatement() == null) {
            return List.of();
        }
        // The event names the schema by its new name; without a name every rename of the text is a candidate.
        String renamed = event.getObjectIdentity() == null ? null : Names.unqualified(event.getObjectIdentity());
        List<Finding> findings = new ArrayList<>();
        for (Action action : AlterActions.of(event.getStatement())) {
            if (action.kind() == Kind.RENAME_SCHEMA && action.result() != null
                    && (renamed == null || renamed.equals(action.result()))) {
                String message = ALTER_SCHEMA + " renamed schema " + action.target() + " to " + action.result()
                        + ": every name qualified with " + action.target() + " and every search_path listing it "
                        + "now misses its objects";
                findings.add(INFO.finding(action.result(), null, action.result(), message));
            }
        }
        return findings;
    }
}
