package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.MysqlFixtures.innodb;
import static io.schemagov.rules.MysqlFixtures.mariaDb;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven cases of every MariaDB/MySQL change rule: the ALTER statements each must and must not flag. */
class MysqlChangeRulesTest {

    private static final TableSnapshot EMPTY = innodb(table("shop.orders").primaryKey("id").column("id", "bigint(20)")
            .column("status", "enum('new','paid','cancelled')").column("note", "varchar(500)"));
    private static final TableSnapshot MEDIUM = innodb(table("shop.orders").primaryKey("id")
            .column("id", "bigint(20)").column("status", "enum('new','paid')").size(50_000, 6_000_000));
    private static final TableSnapshot LARGE = innodb(table("shop.events").primaryKey("id")
            .column("id", "bigint(20)").size(5_000_000, 900L * 1024 * 1024));
    private static final TableSnapshot HUGE = innodb(table("shop.events").primaryKey("id")
            .column("id", "bigint(20)").size(40_000_000, 9 * Tables.GB));
    private static final TableSnapshot GHOST = innodb(table("shop._events_gho").column("id", "bigint(20)")
            .size(5_000_000, 900L * 1024 * 1024));

    static Stream<Arguments> flagged() {
        return Stream.of(
                fires("ALGORITHM=COPY on a medium table", rule(new MysqlAlgorithmCopyRule(),
                        "ALTER TABLE orders ADD COLUMN x int, ALGORITHM=COPY", MEDIUM), Severity.MEDIUM,
                        "ALGORITHM=COPY copies shop.orders (≈50k rows"),
                fires("ALGORITHM = COPY on a huge table", rule(new MysqlAlgorithmCopyRule(),
                        "alter table events engine=InnoDB, algorithm = copy", HUGE), Severity.CRITICAL, "row by row"),
                fires("LOCK=EXCLUSIVE", rule(new MysqlLockSharedOrExclusiveRule(),
                        "ALTER TABLE orders ADD INDEX s (status), LOCK=EXCLUSIVE", MEDIUM), Severity.MEDIUM,
                        "LOCK=EXCLUSIVE blocks reads and writes on shop.orders"),
                fires("LOCK=SHARED", rule(new MysqlLockSharedOrExclusiveRule(),
                        "CREATE INDEX s ON events (id) LOCK=SHARED", LARGE), Severity.HIGH, "LOCK=SHARED blocks writes"),
                fires("primary key change", rule(new MysqlTableRebuildRule(),
                        "ALTER TABLE orders DROP PRIMARY KEY, ADD PRIMARY KEY (id, status)", MEDIUM), Severity.MEDIUM,
                        "changes the primary key", "InnoDB rebuilds shop.orders"),
                fires("engine change", rule(new MysqlTableRebuildRule(), "ALTER TABLE events ENGINE=InnoDB", HUGE),
                        Severity.CRITICAL, "changes the engine"),
                fires("partitioning", rule(new MysqlTableRebuildRule(),
                        "ALTER TABLE events PARTITION BY HASH(id) PARTITIONS 4", LARGE), Severity.HIGH,
                        "changes the partitioning"),
                fires("type change with reorder", rule(new MysqlTableRebuildRule(),
                        "ALTER TABLE orders MODIFY COLUMN note text AFTER id", MEDIUM), Severity.MEDIUM,
                        "changes a column's definition"),
                fires("AFTER on a medium table", rule(new MysqlColumnPositionRule(),
                        "ALTER TABLE orders ADD COLUMN coupon varchar(20) AFTER id", MEDIUM), Severity.LOW,
                        "AFTER/FIRST on shop.orders"),
                fires("FIRST on a huge table", rule(new MysqlColumnPositionRule(),
                        "ALTER TABLE events ADD COLUMN tenant int FIRST", HUGE), Severity.HIGH, "cannot be instant"),
                fires("large table altered directly", rule(new MysqlLargeTableAlterRule(),
                        "ALTER TABLE events ADD INDEX created_idx (created_at)", LARGE), Severity.HIGH,
                        "use gh-ost or pt-online-schema-change"),
                fires("huge table altered directly", rule(new MysqlLargeTableAlterRule(),
                        "ALTER TABLE events ADD INDEX created_idx (created_at), ALGORITHM=INPLACE, LOCK=NONE", HUGE),
                        Severity.CRITICAL, "ran directly"),
                fires("enum values changed", rule(new MysqlEnumOrSetChangedRule(),
                        "ALTER TABLE orders MODIFY COLUMN `status` enum('new','paid','cancelled') NOT NULL", EMPTY),
                        Severity.MEDIUM, "the values of shop.orders.status changed"));
    }

    static Stream<Named<Case>> accepted() {
        return Stream.of(
                silent("ALGORITHM=INPLACE", rule(new MysqlAlgorithmCopyRule(),
                        "ALTER TABLE orders ADD INDEX s (status), ALGORITHM=INPLACE, LOCK=NONE", MEDIUM)),
                silent("COPY only in a comment", rule(new MysqlAlgorithmCopyRule(),
                        "ALTER TABLE orders ADD COLUMN x int /* not ALGORITHM=COPY */", MEDIUM)),
                silent("LOCK=NONE", rule(new MysqlLockSharedOrExclusiveRule(),
                        "ALTER TABLE orders ADD INDEX s (status), LOCK=NONE", MEDIUM)),
                silent("rebuild of an empty table", rule(new MysqlTableRebuildRule(),
                        "ALTER TABLE orders MODIFY COLUMN note text", EMPTY)),
                silent("instant add column", rule(new MysqlTableRebuildRule(),
                        "ALTER TABLE orders ADD COLUMN note2 text, ALGORITHM=INSTANT", MEDIUM)),
                silent("rename index is no rebuild", rule(new MysqlTableRebuildRule(),
                        "ALTER TABLE orders RENAME INDEX a TO b", MEDIUM)),
                silent("add column at the end", rule(new MysqlColumnPositionRule(),
                        "ALTER TABLE orders ADD COLUMN coupon varchar(20)", MEDIUM)),
                silent("AFTER on an empty table", rule(new MysqlColumnPositionRule(),
                        "ALTER TABLE orders ADD COLUMN coupon varchar(20) AFTER id", EMPTY)),
                silent("medium table altered directly", rule(new MysqlLargeTableAlterRule(),
                        "ALTER TABLE orders ADD INDEX s (status)", MEDIUM)),
                silent("large table, instant change", rule(new MysqlLargeTableAlterRule(),
                        "ALTER TABLE events ADD COLUMN source varchar(20), ALGORITHM=INSTANT", LARGE)),
                silent("gh-ost's shadow table", rule(new MysqlLargeTableAlterRule(),
                        "ALTER TABLE _events_gho ADD INDEX created_idx (created_at)", GHOST)),
                silent("modify of a plain column", rule(new MysqlEnumOrSetChangedRule(),
                        "ALTER TABLE orders MODIFY COLUMN note varchar(600)", EMPTY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flagged")
    void flagsRiskyMysqlDdl(Case input, Severity severity, List<String> fragments) {
        List<Finding> findings = input.rule().evaluate(input.event(), RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), input.rule().info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptsSafeMysqlDdl(Case input) {
        assertThat(input.rule().evaluate(input.event(), RuleSettings.defaults())).isEmpty();
    }

    @Test
    void mysqlChangeRulesIgnorePostgresEvents() {
        SchemaChangeEvent postgres = Events.ddl("ALTER TABLE", "shop.orders",
                "ALTER TABLE orders ADD COLUMN x int, ALGORITHM=COPY, LOCK=EXCLUSIVE").tables(MEDIUM).build();
        for (Rule rule : MysqlRules.changeRules()) {
            assertThat(((ChangeRule) rule).evaluate(postgres, RuleSettings.defaults())).as(rule.info().id()).isEmpty();
        }
    }

    /** A rule and the MariaDB event it judges. */
    record Case(ChangeRule rule, SchemaChangeEvent event) {
    }

    private static Case rule(ChangeRule rule, String statement, TableSnapshot table) {
        String tag = statement.toUpperCase().startsWith("CREATE INDEX") ? "CREATE INDEX" : "ALTER TABLE";
        return new Case(rule, mariaDb(tag, statement, table));
    }
}
