package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Notes columns of enum types, whose set of values can only be changed by DDL. */
final class EnumTypeColumnRule implements TableRule {

    static final String ID = "enum-type-column";

    private static final RuleInfo INFO = new RuleInfo(ID, "Column of an enum type", Severity.INFO,
            RuleScope.TABLE_STATE,
            "An enum's values are part of the schema: adding one is ALTER TYPE ... ADD VALUE (which before "
                    + "PostgreSQL 12 cannot run in a transaction block, and whose new value cannot be used in the "
                    + "transaction that added it), while removing or renaming one needs a new type and a rewrite of "
                    + "every column using it. Values sort by declaration order, not alphabetically, and carry no "
                    + "extra attributes.",
            "Keep enums for small sets that change with the code, like states of a state machine. For sets that "
                    + "grow with the business, use a lookup table referenced by a foreign key (values editable as "
                    + "data, with labels and an active flag), or text with a CHECK constraint, which is replaced "
                    + "with ADD CONSTRAINT ... NOT VALID and VALIDATE without a rewrite.",
            "CREATE TYPE order_status AS ENUM ('paid', 'shipped');\n"
                    + "CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL);",
            "CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL CONSTRAINT orders_status_check CHECK "
                    + "(status IN ('paid', 'shipped')));");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!TableFacts.of(table).isTable()) {
            return Optional.empty();
        }
        List<String> enums = new ArrayList<>();
        for (ColumnSnapshot column : table.getColumns()) {
            if ("E".equals(column.getTypeCategory())) {
                enums.add(DesignColumns.describe(column));
            }
        }
        if (enums.isEmpty()) {
            return Optional.empty();
        }
        String name = TableFacts.of(table).name();
        String message = name + " has enum-typed columns, whose values change only by DDL: "
                + String.join(", ", enums);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }
}
