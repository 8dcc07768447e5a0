package io.schemagov.rules;

import io.schemagov.model.SourceKind;
import java.util.Set;

/**
 * Which databases each rule judges. Most rules read PostgreSQL's locks, syntax and catalog and would misjudge
 * MariaDB/MySQL DDL, so they run on PostgreSQL only; the rules named {@code mysql-...} run on MariaDB/MySQL only;
 * and the rules below judge structure alone (keys, names, index counts) and run on both.
 */
final class RuleDialects {

    private static final Set<String> BOTH = Set.of(
            "table-dropped", "capture-incomplete", "primary-key-missing", "foreign-key-without-index",
            "foreign-key-type-mismatch", "on-delete-not-stated", "unique-over-nullable-columns", "all-columns-nullable",
            "name-not-snake-case", "repeating-column-group", "comma-separated-list-column", "polymorphic-association",
            "password-column-plaintext", "too-many-indexes");

    private RuleDialects() {
    }

    /** Whether the rule with this id judges changes of a database of this kind; an unknown kind counts as PostgreSQL. */
    static boolean runsOn(String ruleId, SourceKind kind) {
        boolean mysql = kind == SourceKind.MARIADB || kind == SourceKind.MYSQL;
        if (ruleId.startsWith(MysqlRules.PREFIX)) {
            return mysql;
        }
        return !mysql || BOTH.contains(ruleId);
    }
}
