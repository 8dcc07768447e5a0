package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Flags MariaDB/MySQL tables and columns whose character set is not utf8mb4 (utf8mb3 has its own rule). */
final class MysqlLegacyCharsetRule implements TableRule {

    static final String ID = "mysql-legacy-charset";

    /** Not text at all: binary strings have no character set problem. */
    private static final Set<String> ALLOWED = Set.of("utf8mb4", "binary");

    private static final RuleInfo INFO = new RuleInfo(ID, "character set not utf8mb4", Severity.MEDIUM,
            RuleScope.TABLE_STATE,
            "latin1, ascii, ucs2 and the other legacy character sets cannot store most of the world's text: "
                    + "a name, address or message outside their repertoire is rejected or silently turned into "
                    + "'?', and joining or comparing such a column with utf8mb4 ones converts on every row, "
                    + "which keeps indexes from being used.",
            "Use utf8mb4 with one agreed collation (e.g. utf8mb4_unicode_ci, or utf8mb4_0900_ai_ci on MySQL 8): "
                    + "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci (a rebuild; "
                    + "check index key lengths first), and set character_set_server=utf8mb4.",
            "CREATE TABLE customers (id bigint PRIMARY KEY, name varchar(100)) DEFAULT CHARSET=latin1;",
            "CREATE TABLE customers (id bigint PRIMARY KEY, name varchar(100)) DEFAULT CHARSET=utf8mb4;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!MysqlRules.isMysql(table) || !EventTables.isTable(table)) {
            return Optional.empty();
        }
        List<String> legacy = MysqlCharsets.using(table,
                charset -> !ALLOWED.contains(charset) && !MysqlCharsets.isUtf8mb3(charset));
        if (legacy.isEmpty()) {
            return Optional.empty();
        }
        String name = Names.of(table);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, name
                + " stores text in a character set other than utf8mb4: " + String.join(", ", legacy)));
    }
}
