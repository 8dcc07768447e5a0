package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Events.ddl;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TableRenamedRuleTest {

    private final TableRenamedRule rule = new TableRenamedRule();

    /** An ALTER TABLE event as captured after the rename: it names the table by its new identity. */
    private static SchemaChangeEvent alter(String identity, String statement) {
        return ddl("ALTER TABLE", identity, statement).objectType("table")
                .object("ALTER TABLE", "table", identity).build();
    }

    static Stream<Arguments> renamedTables() {
        return Stream.of(
                fires("RENAME TO", alter("public.purchases", "ALTER TABLE orders RENAME TO purchases"), Severity.MEDIUM,
                        "ALTER TABLE renamed public.orders to public.purchases",
                        "clients still using the old name now fail with \"relation does not exist\""),
                fires("qualified with IF EXISTS and ONLY", alter("sales.purchases",
                        "alter table if exists only sales.orders rename to purchases"), Severity.MEDIUM,
                        "renamed sales.orders to sales.purchases"),
                fires("quoted names keep their case", alter("public.\"Purchases\"",
                        "ALTER TABLE \"Orders\" RENAME TO \"Purchases\""), Severity.MEDIUM,
                        "renamed public.Orders to public.Purchases"),
                fires("moved to another schema", alter("archive.orders",
                        "ALTER TABLE public.orders SET SCHEMA archive"),
                        Severity.MEDIUM, "ALTER TABLE moved public.orders to archive.orders"),
                fires("only this command's rename of a query string", alter("public.d",
                        "ALTER TABLE a RENAME TO b; ALTER TABLE c RENAME TO d"), Severity.MEDIUM,
                        "renamed public.c to public.d"),
                fires("MariaDB RENAME TABLE", MysqlFixtures.fromMariaDb(ddl("RENAME TABLE", "shop.purchases",
                        "RENAME TABLE orders TO purchases").objectType("table")
                        .renamed("table", "shop.orders", "shop.purchases").build()), Severity.MEDIUM,
                        "RENAME TABLE renamed shop.orders to shop.purchases",
                        "now fail with \"table doesn't exist\""),
                fires("MariaDB table moved to another database", MysqlFixtures.fromMariaDb(ddl("RENAME TABLE",
                        "archive.orders", "RENAME TABLE shop.orders TO archive.orders").objectType("table")
                        .renamed("table", "shop.orders", "archive.orders").build()), Severity.MEDIUM,
                        "RENAME TABLE moved shop.orders to archive.orders"));
    }

    static Stream<Named<SchemaChangeEvent>> otherChanges() {
        return Stream.of(
                silent("column renamed", ddl("ALTER TABLE", "public.orders.remark",
                        "ALTER TABLE orders RENAME COLUMN note TO remark").objectType("table column").build()),
                silent("constraint renamed", alter("public.orders",
                        "ALTER TABLE orders RENAME CONSTRAINT orders_check TO orders_total_check")),
                silent("rename only in a comment", alter("public.orders",
                        "ALTER TABLE orders ADD note text /* then RENAME TO purchases */")),
                silent("index renamed", ddl("ALTER INDEX", "public.orders_idx2",
                        "ALTER INDEX orders_idx RENAME TO orders_idx2").objectType("index").build()),
                silent("another command of the query string", alter("public.orders",
                        "ALTER TABLE a RENAME TO b; ALTER TABLE orders ADD note text")),
                silent("MariaDB ALTER without a rename", MysqlFixtures.fromMariaDb(ddl("ALTER TABLE", "shop.orders",
                        "ALTER TABLE orders ADD COLUMN note text").objectType("table")
                        .object("ALTER TABLE", "table", "shop.orders").build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renamedTables")
    void flagsRenamedTable(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherChanges")
    void staysQuietWithoutATableRename(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void reportsAgainstTheTableUnderItsNewName() {
        Finding finding = rule.evaluate(alter("public.purchases", "ALTER TABLE orders RENAME TO purchases"),
                RuleSettings.defaults()).get(0);

        assertThat(finding.schema()).isEqualTo("public");
        assertThat(finding.table()).isEqualTo("purchases");
        assertThat(finding.object()).isEqualTo("public.purchases");
    }
}
