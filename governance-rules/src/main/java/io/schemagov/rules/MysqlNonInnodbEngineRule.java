package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.Optional;

/** Flags MariaDB/MySQL tables on an engine other than InnoDB. */
final class MysqlNonInnodbEngineRule implements TableRule {

    static final String ID = "mysql-non-innodb-engine";

    private static final RuleInfo INFO = new RuleInfo(ID, "table not on InnoDB", Severity.HIGH, RuleScope.TABLE_STATE,
            "Only InnoDB gives transactions, crash recovery, row locks and foreign keys. MyISAM and Aria lock the "
                    + "whole table on every write and can lose or corrupt recent writes in a crash; MEMORY loses "
                    + "everything at restart; a rollback does not undo their changes, and most online DDL, "
                    + "backup and replication tooling assumes InnoDB.",
            "Convert the table: ALTER TABLE t ENGINE=InnoDB (a full rebuild; on a large table use gh-ost or "
                    + "pt-online-schema-change), and set default_storage_engine=InnoDB so new tables get it.",
            "CREATE TABLE audit_log (id bigint PRIMARY KEY, line text) ENGINE=MyISAM;",
            "CREATE TABLE audit_log (id bigint PRIMARY KEY, line text) ENGINE=InnoDB;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!MysqlRules.isMysql(table) || !EventTables.isTable(table) || "InnoDB".equalsIgnoreCase(table.getEngine())) {
            return Optional.empty();
        }
        String name = Names.of(table);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, name + " uses the "
                + table.getEngine() + " engine: no transactions, no crash safety, table locks on writes"));
    }
}
