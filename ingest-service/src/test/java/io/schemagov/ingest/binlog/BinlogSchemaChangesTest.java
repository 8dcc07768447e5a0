package io.schemagov.ingest.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.ChangeKind;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** The mapping of Debezium's binlog schema changes where information_schema cannot help: the record alone decides. */
class BinlogSchemaChangesTest {

    private static final Schema SOURCE = SchemaBuilder.struct().field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema COLUMN = SchemaBuilder.struct().field("name", Schema.STRING_SCHEMA)
            .field("position", Schema.INT32_SCHEMA).field("typeName", Schema.STRING_SCHEMA)
            .field("length", Schema.OPTIONAL_INT32_SCHEMA).field("scale", Schema.OPTIONAL_INT32_SCHEMA)
            .field("optional", Schema.BOOLEAN_SCHEMA).field("defaultValueExpression", Schema.OPTIONAL_STRING_SCHEMA)
            .field("autoIncremented", Schema.OPTIONAL_BOOLEAN_SCHEMA).field("generated", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .build();
    private static final Schema TABLE = SchemaBuilder.struct().optional()
            .field("primaryKeyColumnNames", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
            .field("columns", SchemaBuilder.array(COLUMN).build()).build();
    private static final Schema CHANGE = SchemaBuilder.struct().field("type", Schema.STRING_SCHEMA)
            .field("id", Schema.STRING_SCHEMA).field("table", TABLE).build();
    private static final Schema VALUE = SchemaBuilder.struct().field("source", SOURCE)
            .field("databaseName", Schema.OPTIONAL_STRING_SCHEMA).field("ddl", Schema.OPTIONAL_STRING_SCHEMA)
            .field("tableChanges", SchemaBuilder.array(CHANGE).build()).build();

    /** information_schema is unreachable: every snapshot must come from the record. */
    private final BinlogSchemaChanges changes = new BinlogSchemaChanges(() -> {
        throw new SQLException("connection refused");
    });

    @Test
    void aTableThatCannotBeReadKeepsDebeziumsColumnsAndSaysWhatIsMissing() {
        SchemaChangeEvent event = changes.read(value("false", "CREATE TABLE t (id bigint PRIMARY KEY, note varchar(20))",
                change("CREATE", "\"shop\".\"t\"", table())), position()).orElseThrow();

        assertThat(event.getCommandTag()).isEqualTo("CREATE TABLE");
        assertThat(event.getObjectIdentity()).isEqualTo("shop.t");
        assertThat(event.getTables().get(0).getColumns()).extracting(c -> c.getName() + " " + c.getDataType())
                .containsExactly("id bigint", "note varchar(20)");
        assertThat(event.getTables().get(0).getConstraints().get(0).getColumns()).containsExactly("id");
        assertThat(event.getCaptureError()).contains("information_schema not read for shop.t: connection refused");
        assertThat(event.getSource().getPosition()).endsWith("/shop.t");
    }

    @Test
    void dropTableBecomesADroppedTableWithoutSnapshot() {
        SchemaChangeEvent event = changes.read(value("false", "DROP TABLE `t`", change("DROP", "\"shop\".\"t\"", null)),
                position()).orElseThrow();

        assertThat(event.getCommandTag()).isEqualTo("DROP TABLE");
        assertThat(event.getDroppedObjects()).singleElement().satisfies(d -> {
            assertThat(d.getObjectIdentity()).isEqualTo("shop.t");
            assertThat(d.getOriginal()).isTrue();
        });
        assertThat(event.getTables()).isEmpty();
        assertThat(event.getCaptureError()).isNull();
    }

    @Test
    void alterNamesTheDroppedAndRenamedColumnsAndDroppedForeignKeysAsPostgresCaptureDoes() {
        SchemaChangeEvent event = changes.read(value("false", "ALTER TABLE t DROP COLUMN legacy, "
                + "DROP FOREIGN KEY t_customer_fk, CHANGE `code` `reference` varchar(20)",
                change("ALTER", "\"shop\".\"t\"", table())), position()).orElseThrow();

        assertThat(event.getObjectIdentity()).isEqualTo("shop.t");
        assertThat(event.getDroppedObjects()).extracting(d -> d.getObjectType() + ": " + d.getObjectIdentity())
                .containsExactly("table column: shop.t.legacy", "table constraint: t_customer_fk on shop.t");
        assertThat(event.getObjects()).extracting(o -> o.getObjectType() + ": " + o.getPreviousIdentity() + " -> "
                + o.getObjectIdentity()).containsExactly("table: null -> shop.t",
                "table column: shop.t.code -> shop.t.reference");
    }

    @Test
    void theSnapshotsCreateTableIsTheBaselineAndItsOtherStatementsAreDropped() {
        Optional<SchemaChangeEvent> baseline = changes.read(value("true", "CREATE TABLE `t` (`id` bigint(20) NOT NULL)",
                change("CREATE", "\"shop\".\"t\"", table())), position());
        Optional<SchemaChangeEvent> drop = changes.read(value("true", "DROP TABLE IF EXISTS `shop`.`t`",
                change("DROP", "\"shop\".\"t\"", null)), position());

        assertThat(baseline).get().satisfies(e -> {
            assertThat(e.getKind()).isEqualTo(ChangeKind.BASELINE);
            assertThat(e.getCommandTag()).isEqualTo("BASELINE");
            assertThat(e.getSource().getPosition()).endsWith("/baseline/shop.t");
        });
        assertThat(drop).isEmpty();
    }

    @Test
    void setStatementsAreNoChangeToGovern() {
        assertThat(changes.read(value("false", "SET character_set_server=utf8mb4"), position())).isEmpty();
    }

    private static Struct value(String snapshot, String ddl, Struct... tableChanges) {
        return new Struct(VALUE).put("source", new Struct(SOURCE).put("ts_ms", 1_700_000_000_000L).put("snapshot", snapshot))
                .put("databaseName", "shop").put("ddl", ddl).put("tableChanges", List.of(tableChanges));
    }

    private static Struct change(String type, String id, Struct table) {
        return new Struct(CHANGE).put("type", type).put("id", id).put("table", table);
    }

    private static Struct table() {
        return new Struct(TABLE).put("primaryKeyColumnNames", List.of("id")).put("columns", List.of(
                column("id", 1, "BIGINT", null, false), column("note", 2, "VARCHAR", 20, true)));
    }

    private static Struct column(String name, int position, String type, Integer length, boolean optional) {
        return new Struct(COLUMN).put("name", name).put("position", position).put("typeName", type).put("length", length)
                .put("optional", optional).put("autoIncremented", false).put("generated", false);
    }

    private static SourcePosition position() {
        return SourcePosition.newBuilder().setKind(SourceKind.MARIADB).setDatabase("maria")
                .setPosition("mariadb-bin.000001:000000000400:0").build();
    }
}
