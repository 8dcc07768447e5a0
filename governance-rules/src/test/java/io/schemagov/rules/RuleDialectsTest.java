package io.schemagov.rules;

import static io.schemagov.rules.MysqlFixtures.fromMariaDb;
import static io.schemagov.rules.MysqlFixtures.innodb;
import static io.schemagov.rules.MysqlFixtures.mariaDb;
import static io.schemagov.rules.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleDialectsTest {

    private static final RuleEngine ENGINE = RuleEngine.withDefaults();
    private static final TableSnapshot ORDERS = innodb(table("shop.orders").primaryKey("id").column("id", "bigint(20)")
            .column("tenant_id", "bigint(20)").column("payload", "json").column("placed_at", "datetime")
            .size(50_000, 6_000_000));

    @Test
    void postgresRulesDoNotJudgeMariaDbDdl() {
        SchemaChangeEvent createIndex = mariaDb("CREATE INDEX", "CREATE INDEX orders_placed_idx ON orders (placed_at)",
                MysqlFixtures.withIndex(ORDERS, "orders_placed_idx", false, "", "placed_at"));

        assertThat(ruleIds(createIndex)).noneMatch(id -> !id.startsWith("mysql-") && !generic(id))
                .doesNotContain("index-without-concurrently", "lock-without-lock-timeout", "tenant-table-without-rls",
                        "json-instead-of-jsonb", "timestamp-without-time-zone");
    }

    @Test
    void theSameDdlFromPostgresIsJudgedByThePostgresRules() {
        SchemaChangeEvent postgres = Events.ddl("CREATE INDEX", "shop.orders_placed_idx",
                "CREATE INDEX orders_placed_idx ON orders (placed_at)").objectType("index")
                .tables(table("shop.orders").primaryKey("id").column("placed_at", "timestamp without time zone")
                        .index("orders_placed_idx", "placed_at").size(50_000, 6_000_000).build()).build();

        assertThat(ruleIds(postgres)).contains("index-without-concurrently").noneMatch(id -> id.startsWith("mysql-"));
    }

    @Test
    void mysqlRulesJudgeMariaDbDdlAndStructuralRulesJudgeBoth() {
        SchemaChangeEvent copy = mariaDb("ALTER TABLE", "ALTER TABLE orders ADD COLUMN x int, ALGORITHM=COPY", ORDERS);
        SchemaChangeEvent noKey = fromMariaDb(Events.baseline(innodb(table("shop.import_lines")
                .column("line", "text"))).build());

        assertThat(ruleIds(copy)).contains("mysql-algorithm-copy");
        assertThat(ruleIds(noKey)).contains("primary-key-missing");
    }

    private static boolean generic(String id) {
        return RuleDialects.runsOn(id, io.schemagov.model.SourceKind.MARIADB);
    }

    private static List<String> ruleIds(SchemaChangeEvent event) {
        return ENGINE.evaluate(event).findings().stream().map(Finding::ruleId).toList();
    }
}
