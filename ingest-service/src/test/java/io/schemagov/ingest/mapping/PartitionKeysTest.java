package io.schemagov.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.Actor;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.Operation;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import io.schemagov.model.TableSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionKeysTest {

    @Test
    void everySchemaChangeOfATableHasTheTableAsKeyWhateverObjectItNames() {
        assertThat(PartitionKeys.of("shop", ddl("CREATE TABLE", "public.orders", List.of(table("orders")))))
                .isEqualTo("shop/public.orders");
        assertThat(PartitionKeys.of("shop", ddl("CREATE INDEX", "public.orders_note_idx", List.of(table("orders")))))
                .isEqualTo("shop/public.orders");
        assertThat(PartitionKeys.of("shop", ddl("DROP TABLE", "public.orders", List.of())))
                .isEqualTo("shop/public.orders");
    }

    @Test
    void changeWithoutTableOrObjectIsKeyedByItsCommandTag() {
        assertThat(PartitionKeys.of("shop", ddl("CREATE SCHEMA", null, List.of()))).isEqualTo("shop/CREATE SCHEMA");
    }

    @Test
    void everyRowOfATableHasTheTableAsKeyWhateverItsPrimaryKey() {
        assertThat(PartitionKeys.of("shop", row("1"))).isEqualTo("shop/public.orders");
        assertThat(PartitionKeys.of("shop", row("2"))).isEqualTo(PartitionKeys.of("shop", row("1")));
    }

    private static SourcePosition position() {
        return SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase("shop").setPosition("0/1")
                .setTransactionId(7L).setCommitTime(Instant.EPOCH).build();
    }

    private static TableSnapshot table(String name) {
        return TableSnapshot.newBuilder().setSchemaName("public").setTableName(name).setColumns(List.of())
                .setConstraints(List.of()).setIndexes(List.of()).setEstimatedRows(0).setPages(0).setSizeBytes(0)
                .setTotalBytes(0).build();
    }

    private static SchemaChangeEvent ddl(String tag, String object, List<TableSnapshot> tables) {
        return SchemaChangeEvent.newBuilder().setSource(position()).setKind(ChangeKind.DDL).setCommandTag(tag)
                .setObjectType("table").setSchemaName("public").setObjectIdentity(object).setStatement(tag)
                .setActor(Actor.newBuilder().setRole("app_owner").build())
                .setTables(tables).setLockTimeoutMs(0L).setStatementTimeoutMs(0L).setEventTime(Instant.EPOCH).build();
    }

    private static DataChangeEvent row(String id) {
        return DataChangeEvent.newBuilder().setSource(position()).setSchemaName("public").setTableName("orders")
                .setOperation(Operation.INSERT).setKey(Map.of("id", id)).setAfter(Map.of("id", id))
                .setEventTime(Instant.EPOCH).build();
    }
}
