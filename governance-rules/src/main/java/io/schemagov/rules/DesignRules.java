package io.schemagov.rules;

import java.util.List;

/** The rules about a table's resulting design: keys, indexes, names, types and common modelling mistakes. */
public final class DesignRules {

    private DesignRules() {
    }

    /** A new list of these table-state rules with their default settings, in the order they report. */
    public static List<Rule> all() {
        return all(RuleOptions.defaults());
    }

    /** A new list of these table-state rules with the given settings, in the order they report. */
    public static List<Rule> all(RuleOptions options) {
        return List.of(
                new PrimaryKeyTypeRule(),
                new ForeignKeyTypeMismatchRule(),
                new OnDeleteNotStatedRule(),
                new DuplicateIndexRule(),
                new RedundantIndexRule(),
                new TooManyIndexesRule(options.maxIndexesPerTable()),
                new InvalidIndexRule(),
                new AuditColumnsMissingRule(options.auditColumns()),
                new NameNotSnakeCaseRule(),
                new IdentifierLengthLimitRule(),
                new ReservedWordNameRule(),
                new VarcharLengthLimitRule(),
                new JsonInsteadOfJsonbRule(),
                new MoneyOrFloatForAmountsRule(),
                new EnumTypeColumnRule(),
                new AllColumnsNullableRule(),
                new RepeatingColumnGroupRule(),
                new CommaSeparatedListColumnRule(),
                new PolymorphicAssociationRule(),
                new TenantTableWithoutRlsRule(),
                new PasswordColumnPlaintextRule(),
                new SoftDeleteWithoutPartialIndexRule(),
                new UniqueOverNullableColumnsRule());
    }
}
