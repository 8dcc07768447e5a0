package io.schemagov.rules;

import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.Optional;

/** Flags MariaDB IGNORED and MySQL INVISIBLE indexes: maintained on every write, used by no query. */
final class MysqlInvisibleIndexRule implements TableRule {

    static final String ID = "mysql-invisible-index";

    private static final RuleInfo INFO = new RuleInfo(ID, "invisible or ignored index", Severity.LOW,
            RuleScope.TABLE_STATE,
            "An INVISIBLE (MySQL) or IGNORED (MariaDB) index is kept up to date on every insert, update and "
                    + "delete and takes disk and buffer pool, but the optimizer never uses it. That is right "
                    + "for a short trial before dropping it; left in place it is pure cost, and making it "
                    + "visible again later changes query plans without any DDL review.",
            "Decide within a release: drop the index (DROP INDEX i ON t) if nothing got slower while it was "
                    + "invisible, or make it visible again (ALTER TABLE t ALTER INDEX i VISIBLE, or NOT IGNORED "
                    + "on MariaDB).",
            "CREATE TABLE orders (id bigint PRIMARY KEY, status varchar(20), KEY orders_status_idx (status) IGNORED);",
            "CREATE TABLE orders (id bigint PRIMARY KEY, status varchar(20), KEY orders_status_idx (status));");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!MysqlRules.isMysql(table)) {
            return Optional.empty();
        }
        List<String> hidden = table.getIndexes().stream().filter(MysqlInvisibleIndexRule::isHidden)
                .map(IndexSnapshot::getName).toList();
        if (hidden.isEmpty()) {
            return Optional.empty();
        }
        String name = Names.of(table);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, name
                + " maintains indexes no query may use: " + String.join(", ", hidden)));
    }

    private static boolean isHidden(IndexSnapshot index) {
        String definition = index.getDefinition();
        return definition.endsWith(" IGNORED") || definition.endsWith(" INVISIBLE");
    }
}
