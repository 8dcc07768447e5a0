package io.schemagov.ingest.maintenance;

import io.schemagov.model.Actor;
import io.schemagov.model.AffectedObject;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.MaintenanceRun;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import java.util.List;

/**
 * Makes the schema change event of a VACUUM FULL or CLUSTER seen running. Its source position is derived from the
 * run (pid, start, table), so that the same run seen again after a restart overwrites its findings downstream
 * instead of adding to them. It carries no table snapshot: the table is under ACCESS EXCLUSIVE, and reading its
 * structure would wait for the lock; its size, from pg_class, is in {@link MaintenanceRun}.
 */
final class MaintenanceEvents {

    private MaintenanceEvents() {
    }

    static SchemaChangeEvent of(String database, MaintenanceActivity run) {
        String captureError = run.query() == null
                ? "the statement and session of pid " + run.pid() + " are hidden from the monitor's role (needs "
                        + "pg_read_all_stats)" : null;
        return SchemaChangeEvent.newBuilder()
                .setSource(SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase(database)
                        .setPosition(run.key()).build())
                .setKind(ChangeKind.DDL)
                .setCommandTag(run.command())
                .setObjectType("table")
                .setSchemaName(run.schema())
                .setObjectIdentity(run.identity())
                .setStatement(run.query())
                .setActor(Actor.newBuilder().setRole(run.role()).setSessionRole(run.role())
                        .setApplication(run.application()).setClientAddress(run.clientAddress()).build())
                .setObjects(List.of(new AffectedObject(run.command(), "table", run.schema(), run.identity(), null)))
                .setEventTime(run.startedAt())
                .setCaptureError(captureError)
                .setMaintenance(MaintenanceRun.newBuilder()
                        .setSchemaName(run.schema()).setTableName(run.table())
                        .setPid(run.pid()).setStartedAt(run.startedAt()).setPhase(run.phase())
                        .setIndexName(run.indexName())
                        .setEstimatedRows(run.estimatedRows()).setPages(run.pages())
                        .setSizeBytes(run.pages() * run.blockSize()).setTotalBytes(run.totalPages() * run.blockSize())
                        .build())
                .build();
    }
}
