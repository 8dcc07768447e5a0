package io.schemagov.rules;

import java.util.List;

/** The rules about changes that destroy data or break clients still using the previous schema. */
public final class DestructiveRules {

    private DestructiveRules() {
    }

    /** A new list of these change rules, in the order their findings are reported. */
    public static List<Rule> all() {
        return List.of(
                new SchemaDroppedRule(),
                new TableTruncatedRule(),
                new DropCascadeRule(),
                new TableRenamedRule(),
                new ColumnRenamedRule(),
                new SchemaRenamedRule(),
                new NotNullDroppedRule(),
                new ForeignKeyDroppedRule(),
                new TypeNarrowedRule());
    }
}
