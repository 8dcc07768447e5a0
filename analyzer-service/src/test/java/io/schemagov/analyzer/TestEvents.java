package io.schemagov.analyzer;

import io.schemagov.model.Actor;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.IndexSnapshot;
import io.schemagov.model.Operation;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import io.schemagov.model.TableSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events as the ingest would produce them, for feeding the analyzer directly. */
final class TestEvents {

    private TestEvents() {
    }

    static SourcePosition position(String database, String lsn) {
        return SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase(database).setPosition(lsn)
                .setTransactionId(42L).setCommitTime(Instant.parse("2026-11-20T10:00:00Z")).build();
    }

    static TableSnapshot table(String name, boolean withPrimaryKey) {
        return TableSnapshot.newBuilder()
                .setSchemaName("public").setTableName(name)
                .setColumns(List.of(new ColumnSnapshot("id", 1, "bigint", true, null, null, null, "N")))
                .setConstraints(withPrimaryKey
                        ? List.of(new ConstraintSnapshot(name + "_pkey", ConstraintType.PRIMARY_KEY, "PRIMARY KEY (id)", true, List.of("id"), null, List.of(), List.of()))
                        : List.of())
                .setIndexes(withPrimaryKey
                        ? List.of(new IndexSnapshot(name + "_pkey", "CREATE UNIQUE INDEX ...", true, true, true, List.of("id"), null))
                        : List.of())
                .setEstimatedRows(0).setPages(0).setSizeBytes(0).setTotalBytes(8192)
                .build();
    }

    static SchemaChangeEvent ddl(String database, String lsn, String tag, String statement, TableSnapshot table) {
        return SchemaChangeEvent.newBuilder()
                .setSource(position(database, lsn))
                .setKind(ChangeKind.DDL)
                .setCommandTag(tag)
                .setObjectType("table").setSchemaName("public").setObjectIdentity("public." + table.getTableName())
                .setStatement(statement)
                .setActor(Actor.newBuilder().setRole("app_owner").setApplication("flyway").setClientAddress("10.0.0.5").build())
                .setTables(List.of(table))
                .setLockTimeoutMs(0L).setStatementTimeoutMs(0L)
                .setEventTime(Instant.parse("2026-11-20T10:00:00Z"))
                .build();
    }

    static DataChangeEvent insert(String database, String lsn, String table, Map<String, String> row) {
        return DataChangeEvent.newBuilder()
                .setSource(position(database, lsn))
                .setSchemaName("public").setTableName(table)
                .setOperation(Operation.INSERT)
                .setKey(Map.of("id", row.get("id")))
                .setAfter(row)
                .setEventTime(Instant.parse("2026-11-20T10:00:00Z"))
                .build();
    }
}
