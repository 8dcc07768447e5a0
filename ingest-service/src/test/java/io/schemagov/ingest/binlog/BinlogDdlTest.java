package io.schemagov.ingest.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BinlogDdlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE t (id int PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 | CREATE TABLE | table | shop.t",
        "ALTER TABLE shop.t ADD COLUMN c int | ALTER TABLE | table | shop.t",
        "CREATE UNIQUE INDEX t_c ON t (c) | CREATE INDEX | index | shop.t",
        "DROP TABLE `t` | DROP TABLE | table | shop.t",
        "TRUNCATE TABLE t | TRUNCATE TABLE | table | shop.t",
        "RENAME TABLE a TO b | RENAME TABLE | table | shop.b",
        "/* migration 12 */ ALTER TABLE t DROP COLUMN c | ALTER TABLE | table | shop.t",
    })
    void tellsTheCommandAndTheTable(String ddl, String tag, String type, String table) {
        BinlogDdl parsed = BinlogDdl.parse(ddl, "shop");
        assertThat(parsed.commandTag()).isEqualTo(tag);
        assertThat(parsed.objectType()).isEqualTo(type);
        assertThat(parsed.tables()).containsExactly(table);
        assertThat(parsed.parseError()).isNull();
    }

    @Test
    void createIndexNamesTheIndex() {
        assertThat(BinlogDdl.parse("CREATE INDEX `orders_placed_idx` ON orders (placed_at)", "shop").indexName())
                .isEqualTo("orders_placed_idx");
    }

    @Test
    void renameTableTellsEveryOldName() {
        BinlogDdl parsed = BinlogDdl.parse("RENAME TABLE a TO b, other.c TO other.d", "shop");
        assertThat(parsed.renames()).isEqualTo(Map.of("shop.b", "shop.a", "other.d", "other.c"));
        assertThat(parsed.tables()).containsExactlyInAnyOrder("shop.b", "other.d");
    }

    @Test
    void alterTableRenameTellsTheOldName() {
        BinlogDdl parsed = BinlogDdl.parse("ALTER TABLE a RENAME TO b", "shop");
        assertThat(parsed.commandTag()).isEqualTo("ALTER TABLE");
        assertThat(parsed.renames()).isEqualTo(Map.of("shop.b", "shop.a"));
        assertThat(parsed.tables()).isEqualTo(List.of("shop.b"));
    }

    @Test
    void unparsableStatementIsClassifiedByItsKeywordsAndSaysSo() {
        BinlogDdl parsed = BinlogDdl.parse("CREATE OR REPLACE DEFINER=`root`@`%` TRIGGER tr BEFORE INSERT ON t "
                + "FOR EACH ROW SET NEW.x = 1 %%%", "shop");
        assertThat(parsed.commandTag()).isEqualTo("CREATE TRIGGER");
        assertThat(parsed.parseError()).startsWith("not parsed");
    }

    @Test
    void alterTellsTheColumnsItDroppedAndRenamed() {
        BinlogDdl parsed = BinlogDdl.parse("ALTER TABLE orders DROP COLUMN note, DROP `legacy code`, "
                + "RENAME COLUMN total TO amount, CHANGE `ref` `reference` varchar(40) NOT NULL, "
                + "CHANGE status status varchar(20), MODIFY placed_at datetime(6)", "shop");

        assertThat(parsed.parseError()).isNull();
        assertThat(parsed.alter().droppedColumns()).containsExactly("note", "legacy code");
        assertThat(parsed.alter().renamedColumns()).isEqualTo(Map.of("amount", "total", "reference", "ref"));
        assertThat(parsed.alter().droppedForeignKeys()).isEmpty();
    }

    @Test
    void dropForeignKeyIsReadAlthoughTheParserLacksItsSyntax() {
        BinlogDdl parsed = BinlogDdl.parse("ALTER TABLE orders DROP FOREIGN KEY `orders_customer_fk`, "
                + "DROP FOREIGN KEY IF EXISTS fk_2, DROP COLUMN customer_id", "shop");

        assertThat(parsed.parseError()).isNull();
        assertThat(parsed.tables()).containsExactly("shop.orders");
        assertThat(parsed.alter().droppedForeignKeys()).containsExactly("orders_customer_fk", "fk_2");
        assertThat(parsed.alter().droppedColumns()).containsExactly("customer_id");
    }

    @Test
    void alterThatDropsAndRenamesNothingHasNoParts() {
        assertThat(BinlogDdl.parse("ALTER TABLE orders ADD COLUMN x int, DROP INDEX i, DROP PRIMARY KEY, "
                + "DROP CONSTRAINT chk, ALGORITHM=INSTANT", "shop").alter()).isSameAs(AlterParts.NONE);
        assertThat(BinlogDdl.parse("CREATE TABLE t (id int)", "shop").alter()).isSameAs(AlterParts.NONE);
    }
}
