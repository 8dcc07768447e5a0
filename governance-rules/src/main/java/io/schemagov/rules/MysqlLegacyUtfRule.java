package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.Optional;

/** Flags MariaDB/MySQL tables and columns in utf8 (utf8mb3), which is not full UTF-8. */
final class MysqlLegacyUtfRule implements TableRule {

    static final String ID = "mysql-legacy-utf";

    private static final RuleInfo INFO = new RuleInfo(ID, "utf8 (utf8mb3) instead of utf8mb4", Severity.MEDIUM,
            RuleScope.TABLE_STATE,
            "MySQL's and MariaDB's utf8 is utf8mb3: at most three bytes per character, so emoji, many CJK "
                    + "characters and other text outside the Basic Multilingual Plane are rejected or cut off at "
                    + "the first such character. MySQL has deprecated it and will make utf8 mean utf8mb4.",
            "Convert to utf8mb4: ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci (a "
                    + "rebuild; an indexed varchar(255) then needs up to 1020 bytes, which InnoDB's DYNAMIC row "
                    + "format allows), and set character_set_server=utf8mb4.",
            "CREATE TABLE messages (id bigint PRIMARY KEY, body text) DEFAULT CHARSET=utf8;",
            "CREATE TABLE messages (id bigint PRIMARY KEY, body text) DEFAULT CHARSET=utf8mb4;");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        if (!MysqlRules.isMysql(table) || !EventTables.isTable(table)) {
            return Optional.empty();
        }
        List<String> parts = MysqlCharsets.using(table, MysqlCharsets::isUtf8mb3);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String name = Names.of(table);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, name
                + " uses utf8mb3, which cannot store 4-byte characters such as emoji: " + String.join(", ", parts)));
    }
}
