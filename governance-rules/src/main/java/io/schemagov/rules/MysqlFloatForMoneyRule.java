package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Flags FLOAT, DOUBLE and REAL in MariaDB/MySQL columns whose names say they hold amounts of money. */
final class MysqlFloatForMoneyRule implements TableRule {

    static final String ID = "mysql-float-for-money";

    private static final Set<String> AMOUNT_WORDS = Set.of("amount", "price", "cost", "total", "subtotal", "balance",
            "fee", "fees", "salary", "wage", "payment", "tax", "vat", "discount", "revenue", "refund", "charge",
            "budget", "payout", "commission", "money");

    private static final RuleInfo INFO = new RuleInfo(ID, "FLOAT or DOUBLE for money", Severity.MEDIUM,
            RuleScope.TABLE_STATE,
            "FLOAT and DOUBLE are binary floating point: 0.1 has no exact value, so sums drift by fractions of a "
                    + "cent, equality tests fail and FLOAT keeps only about 7 significant digits, which turns "
                    + "100000.01 into 100000. MySQL has also deprecated FLOAT(M,D) and DOUBLE(M,D).",
            "Store amounts as DECIMAL(p,s) with the precision the business needs (e.g. DECIMAL(12,2), or more "
                    + "decimals for unit prices and exchange rates), or as BIGINT minor units (cents); converting "
                    + "rebuilds the table: ALTER TABLE t MODIFY price DECIMAL(12,2) NOT NULL.",
            "CREATE TABLE prices (id bigint PRIMARY KEY, unit_price double NOT NULL);",
            "CREATE TABLE prices (id bigint PRIMARY KEY, unit_price decimal(12,4) NOT NULL);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!MysqlRules.isMysql(table) || !EventTables.isTable(table)) {
            return Optional.empty();
        }
        List<String> floats = table.getColumns().stream().filter(MysqlFloatForMoneyRule::isFloat)
                .filter(column -> DesignColumns.words(column.getName()).stream().anyMatch(AMOUNT_WORDS::contains))
                .map(column -> column.getName() + " " + column.getDataType()).toList();
        if (floats.isEmpty()) {
            return Optional.empty();
        }
        String name = Names.of(table);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, name
                + " keeps amounts in binary floating point: " + String.join(", ", floats) + "; use DECIMAL"));
    }

    private static boolean isFloat(ColumnSnapshot column) {
        String type = column.getDataType().toLowerCase(Locale.ROOT);
        return type.startsWith("float") || type.startsWith("double") || type.startsWith("real");
    }
}
