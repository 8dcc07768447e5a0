package io.schemagov.ingest.mapping;

import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;

/**
 * The Kafka keys of the events, which decide their partitions: every event about one table, schema change or data
 * change, has the key {@code <database>/<schema>.<table>}, so that it lands on one partition and is analysed in
 * order. The analyzer relies on it: a table's state findings are opened and resolved by its snapshots in order, and a
 * transaction's rows in one table are counted by one analyzer instance even when several share the partitions.
 */
public final class PartitionKeys {

    private PartitionKeys() {
    }

    /**
     * The table the change left a snapshot of (the table of a {@code CREATE INDEX}, not the index), else the table a
     * VACUUM FULL or CLUSTER rewrites, else the object
     * it named (a dropped table), else its command tag (a change with no object, e.g. of a schema).
     */
    public static String of(String database, SchemaChangeEvent event) {
        if (!event.getTables().isEmpty()) {
            TableSnapshot table = event.getTables().get(0);
            return database + "/" + table.getSchemaName() + "." + table.getTableName();
        }
        if (event.getMaintenance() != null) {
            // A VACUUM FULL or CLUSTER carries no snapshot, but names its table the same way.
            return database + "/" + event.getMaintenance().getSchemaName() + "." + event.getMaintenance().getTableName();
        }
        return database + "/" + (event.getObjectIdentity() == null ? event.getCommandTag() : event.getObjectIdentity());
    }

    /** The row's table only, not its key: all of a transaction's rows in one table stay together. */
    public static String of(String database, DataChangeEvent event) {
        return database + "/" + event.getSchemaName() + "." + event.getTableName();
    }
}
