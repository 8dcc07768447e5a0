package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Events.ddl;
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

class ColumnRenamedRuleTest {

    private final ColumnRenamedRule rule = new ColumnRenamedRule();

    private static TableSnapshot orders(String... columns) {
        Tables.Builder orders = table("public.orders").column("id", "bigint", true);
        for (String column : columns) {
            orders.column(column, "text");
        }
        return orders.build();
    }

    /** A rename as captured: the command's object is the column under its new name. */
    private static Events.Builder rename(String newColumn, String statement) {
        return ddl("ALTER TABLE", "public.orders." + newColumn, statement).objectType("table column")
                .object("ALTER TABLE", "table column", "public.orders." + newColumn);
    }

    static Stream<Arguments> renamedColumns() {
        return Stream.of(
                fires("RENAME COLUMN", rename("remark", "ALTER TABLE orders RENAME COLUMN note TO remark")
                        .tables(orders("remark")).build(), Severity.MEDIUM,
                        "ALTER TABLE renamed column note of public.orders to remark",
                        "clients still using note now fail with \"column does not exist\""),
                fires("without the COLUMN keyword", rename("remark", "ALTER TABLE public.orders RENAME note TO remark")
                        .tables(orders("remark")).build(), Severity.MEDIUM, "renamed column note of public.orders"),
                fires("quoted", rename("Remark", "ALTER TABLE orders RENAME \"Note\" TO \"Remark\"")
                        .tables(orders("Remark")).build(), Severity.MEDIUM,
                        "renamed column Note of public.orders to Remark"),
                fires("without a snapshot", rename("remark", "ALTER TABLE orders RENAME note TO remark").build(),
                        Severity.MEDIUM, "renamed column note"),
                fires("MariaDB CHANGE under a new name", MysqlFixtures.fromMariaDb(ddl("ALTER TABLE", "shop.orders",
                        "ALTER TABLE orders CHANGE `note` `remark` varchar(200)").objectType("table")
                        .object("ALTER TABLE", "table", "shop.orders")
                        .renamed("table column", "shop.orders.note", "shop.orders.remark").build()), Severity.MEDIUM,
                        "ALTER TABLE renamed column note of shop.orders to remark",
                        "clients still using note now fail with \"Unknown column\""));
    }

    static Stream<Named<SchemaChangeEvent>> otherChanges() {
        return Stream.of(
                silent("table renamed", ddl("ALTER TABLE", "public.purchases", "ALTER TABLE orders RENAME TO purchases")
                        .objectType("table").build()),
                silent("constraint renamed", ddl("ALTER TABLE", "public.orders",
                        "ALTER TABLE orders RENAME CONSTRAINT a TO b").objectType("table").tables(orders()).build()),
                silent("another table's rename in the query string", ddl("ALTER TABLE", "public.orders",
                        "ALTER TABLE lines RENAME a TO b; ALTER TABLE orders ADD c int").objectType("table")
                        .tables(orders("c")).build()),
                silent("column added", ddl("ALTER TABLE", "public.orders", "ALTER TABLE orders ADD note text")
                        .objectType("table").tables(orders("note")).build()),
                silent("MariaDB CHANGE keeping the name", MysqlFixtures.fromMariaDb(ddl("ALTER TABLE", "shop.orders",
                        "ALTER TABLE orders CHANGE note note text").objectType("table")
                        .object("ALTER TABLE", "table", "shop.orders").build())),
                silent("MariaDB table rename is no column rename", MysqlFixtures.fromMariaDb(ddl("RENAME TABLE",
                        "shop.purchases", "RENAME TABLE orders TO purchases").objectType("table")
                        .renamed("table", "shop.orders", "shop.purchases").build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renamedColumns")
    void flagsRenamedColumn(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherChanges")
    void staysQuietWithoutAColumnRename(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }

    @Test
    void reportsOnlyTheRenameTheSnapshotShows() {
        // Two commands of one query string: the first event's snapshot has b, not yet c.
        SchemaChangeEvent first = rename("b", "ALTER TABLE orders RENAME a TO b; ALTER TABLE orders RENAME b TO c")
                .tables(orders("b")).build();

        assertThat(rule.evaluate(first, RuleSettings.defaults())).extracting(Finding::object)
                .containsExactly("public.orders.b");
    }
}
