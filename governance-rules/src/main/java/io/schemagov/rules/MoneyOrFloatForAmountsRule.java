package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Flags the money type, and binary floating point in columns whose names say they hold amounts of money. */
final class MoneyOrFloatForAmountsRule implements TableRule {

    static final String ID = "money-or-float-for-amounts";

    /** Words that, in a column name, mark an amount of money. */
    private static final Set<String> AMOUNT_WORDS = WordSet.of("amount", "price", "cost", "total", "subtotal",
            "balance", "fee", "fees", "salary", "wage", "wages", "payment", "tax", "vat", "discount", "revenue",
            "refund", "charge", "budget", "invoice", "payout", "commission", "money", "eur", "usd");

    private static final RuleInfo INFO = new RuleInfo(ID, "money type or floating point for amounts",
            Severity.MEDIUM, RuleScope.TABLE_STATE,
            "real and double precision are binary floating point: 0.1 has no exact value, so sums drift by "
                    + "fractions of a cent and equality tests fail, which accounting does not forgive. The money type "
                    + "formats and parses values by the server's lc_monetary setting, so dumps and clients can "
                    + "read the same value differently, holds no currency and has a fixed number of fraction digits.",
            "Store amounts as numeric(p,s) with the precision the business needs (e.g. numeric(12,2), or more "
                    + "decimals for unit prices and exchange rates) plus a currency column if there is more than "
                    + "one, or as bigint minor units (cents). Converting rewrites the table: ALTER TABLE t ALTER "
                    + "COLUMN price TYPE numeric(12,2); on large tables use a new column backfilled in batches.",
            "CREATE TABLE prices (id bigint PRIMARY KEY, unit_price double precision NOT NULL);",
            "CREATE TABLE prices (id bigint PRIMARY KEY, unit_price numeric(12,4) NOT NULL);");

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
        List<String> money = new ArrayList<>();
        List<String> floats = new ArrayList<>();
        for (int i = 0; i < facts.columns().size(); i++) {
            ColumnSnapshot column = facts.columns().get(i);
            String type = facts.type(i);
            if (type.startsWith("money")) {
                money.add(column.getName());
            } else if ((type.startsWith("double precision") || type.startsWith("real"))
                    && namesAmount(facts.words(i))) {
                floats.add(DesignColumns.describe(column));
            }
        }
        if (money.isEmpty() && floats.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (!money.isEmpty()) {
            parts.add("the money type in " + String.join(", ", money));
        }
        if (!floats.isEmpty()) {
            parts.add("floating point for amounts in " + String.join(", ", floats));
        }
        String name = facts.name();
        String message = name + " uses " + String.join(" and ", parts) + "; use numeric for exact amounts";
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }

    private static boolean namesAmount(List<String> words) {
        for (String word : words) {
            if (AMOUNT_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
