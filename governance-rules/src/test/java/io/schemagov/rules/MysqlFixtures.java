package io.schemagov.rules;

import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;

/** MariaDB/MySQL events and snapshots for tests, shaped as the binlog ingest records them. */
final class MysqlFixtures {

    private MysqlFixtures() {
    }

    /** The table as MariaDB's information_schema shows it: InnoDB, utf8mb4. */
    static TableSnapshot innodb(Tables.Builder table) {
        return on(table.build(), "InnoDB", "utf8mb4_general_ci");
    }

    static TableSnapshot on(TableSnapshot table, String engine, String collation) {
        return TableSnapshot.newBuilder(table).setEngine(engine).setCollation(collation).build();
    }

    /** The table with one more index, written as the MariaDB capture writes it; {@code suffix} e.g. " IGNORED". */
    static TableSnapshot withIndex(TableSnapshot table, String name, boolean unique, String suffix, String... columns) {
        List<IndexSnapshot> indexes = new ArrayList<>(table.getIndexes());
        indexes.add(new IndexSnapshot(name, (unique ? "UNIQUE INDEX `" : "INDEX `") + name + "` ON `"
                + table.getSchemaName() + "`.`" + table.getTableName() + "` USING BTREE (" + String.join(", ", columns)
                + ")" + suffix, true, unique, false, List.of(columns), null));
        return TableSnapshot.newBuilder(table).setIndexes(indexes).build();
    }

    /** A MariaDB ALTER TABLE (or other command) on the table, with the table's state after it. */
    static SchemaChangeEvent mariaDb(String commandTag, String statement, TableSnapshot table) {
        return fromMariaDb(Events.ddl(commandTag, table.getSchemaName() + "." + table.getTableName(), statement)
                .objectType("table").tables(table).build());
    }

    /** The same event as if it came from a MariaDB server's binlog. */
    static SchemaChangeEvent fromMariaDb(SchemaChangeEvent event) {
        return SchemaChangeEvent.newBuilder(event).setSource(SourcePosition.newBuilder().setKind(SourceKind.MARIADB)
                .setDatabase("shop").setPosition("mariadb-bin.000001:000000004242:0").build()).build();
    }
}
