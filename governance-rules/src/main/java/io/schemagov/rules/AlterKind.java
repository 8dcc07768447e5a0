package io.schemagov.rules;

import static io.schemagov.rules.LockLevel.ACCESS_EXCLUSIVE;
import static io.schemagov.rules.LockLevel.SHARE_ROW_EXCLUSIVE;
import static io.schemagov.rules.LockLevel.SHARE_UPDATE_EXCLUSIVE;

/**
 * The forms of ALTER TABLE with the lock and work PostgreSQL 17's reference documents for each ("an ACCESS
 * EXCLUSIVE lock is acquired unless explicitly noted"), refined by the parser where details change them.
 */
enum AlterKind {
    ADD_COLUMN(ACCESS_EXCLUSIVE, TableWork.NONE),
    DROP_COLUMN(ACCESS_EXCLUSIVE, TableWork.NONE),
    ALTER_COLUMN_TYPE(ACCESS_EXCLUSIVE, TableWork.MAY_REWRITE),
    SET_DEFAULT(ACCESS_EXCLUSIVE, TableWork.NONE),
    DROP_DEFAULT(ACCESS_EXCLUSIVE, TableWork.NONE),
    /** Scans to prove there is no NULL, unless valid CHECK constraints already prove it (PostgreSQL 12+). */
    SET_NOT_NULL(ACCESS_EXCLUSIVE, TableWork.SCAN),
    DROP_NOT_NULL(ACCESS_EXCLUSIVE, TableWork.NONE),
    /** Recomputes a stored generated column for every row. */
    SET_EXPRESSION(ACCESS_EXCLUSIVE, TableWork.REWRITE),
    DROP_EXPRESSION(ACCESS_EXCLUSIVE, TableWork.NONE),
    ADD_IDENTITY(ACCESS_EXCLUSIVE, TableWork.NONE),
    SET_IDENTITY(ACCESS_EXCLUSIVE, TableWork.NONE),
    DROP_IDENTITY(ACCESS_EXCLUSIVE, TableWork.NONE),
    SET_STATISTICS(SHARE_UPDATE_EXCLUSIVE, TableWork.NONE),
    /** Per-attribute options such as n_distinct (SET / RESET on a column). */
    SET_ATTRIBUTE_OPTIONS(SHARE_UPDATE_EXCLUSIVE, TableWork.NONE),
    SET_STORAGE(ACCESS_EXCLUSIVE, TableWork.NONE),
    SET_COMPRESSION(ACCESS_EXCLUSIVE, TableWork.NONE),
    /** Refined by constraint type: FOREIGN KEY takes SHARE ROW EXCLUSIVE; NOT VALID and USING INDEX skip the scan. */
    ADD_CONSTRAINT(ACCESS_EXCLUSIVE, TableWork.SCAN),
    ALTER_CONSTRAINT(ACCESS_EXCLUSIVE, TableWork.NONE),
    VALIDATE_CONSTRAINT(SHARE_UPDATE_EXCLUSIVE, TableWork.SCAN),
    DROP_CONSTRAINT(ACCESS_EXCLUSIVE, TableWork.NONE),
    ENABLE_TRIGGER(SHARE_ROW_EXCLUSIVE, TableWork.NONE),
    DISABLE_TRIGGER(SHARE_ROW_EXCLUSIVE, TableWork.NONE),
    ENABLE_RULE(ACCESS_EXCLUSIVE, TableWork.NONE),
    DISABLE_RULE(ACCESS_EXCLUSIVE, TableWork.NONE),
    /** ENABLE, DISABLE, FORCE or NO FORCE ROW LEVEL SECURITY. */
    ROW_LEVEL_SECURITY(ACCESS_EXCLUSIVE, TableWork.NONE),
    CLUSTER_ON(SHARE_UPDATE_EXCLUSIVE, TableWork.NONE),
    SET_WITHOUT_CLUSTER(SHARE_UPDATE_EXCLUSIVE, TableWork.NONE),
    SET_WITHOUT_OIDS(ACCESS_EXCLUSIVE, TableWork.NONE),
    SET_ACCESS_METHOD(ACCESS_EXCLUSIVE, TableWork.REWRITE),
    /** Copies every block of the table (and its TOAST) to the new tablespace. */
    SET_TABLESPACE(ACCESS_EXCLUSIVE, TableWork.REWRITE),
    SET_LOGGED(ACCESS_EXCLUSIVE, TableWork.REWRITE),
    SET_UNLOGGED(ACCESS_EXCLUSIVE, TableWork.REWRITE),
    /** Refined per parameter: fillfactor, toast, autovacuum and parallel_workers take SHARE UPDATE EXCLUSIVE. */
    SET_STORAGE_PARAMETERS(ACCESS_EXCLUSIVE, TableWork.NONE),
    RESET_STORAGE_PARAMETERS(ACCESS_EXCLUSIVE, TableWork.NONE),
    INHERIT(ACCESS_EXCLUSIVE, TableWork.NONE),
    NO_INHERIT(ACCESS_EXCLUSIVE, TableWork.NONE),
    OF_TYPE(ACCESS_EXCLUSIVE, TableWork.NONE),
    NOT_OF_TYPE(ACCESS_EXCLUSIVE, TableWork.NONE),
    OWNER_TO(ACCESS_EXCLUSIVE, TableWork.NONE),
    REPLICA_IDENTITY(ACCESS_EXCLUSIVE, TableWork.NONE),
    RENAME_COLUMN(ACCESS_EXCLUSIVE, TableWork.NONE),
    RENAME_CONSTRAINT(ACCESS_EXCLUSIVE, TableWork.NONE),
    RENAME_TABLE(ACCESS_EXCLUSIVE, TableWork.NONE),
    SET_SCHEMA(ACCESS_EXCLUSIVE, TableWork.NONE),
    /**
     * SHARE UPDATE EXCLUSIVE on the partitioned table; ACCESS EXCLUSIVE on the partition (and the default
     * partition), which is scanned to prove its rows fit the bounds unless a valid CHECK constraint proves it.
     */
    ATTACH_PARTITION(SHARE_UPDATE_EXCLUSIVE, TableWork.NONE),
    /** ACCESS EXCLUSIVE on both tables; CONCURRENTLY and FINALIZE take SHARE UPDATE EXCLUSIVE on the parent. */
    DETACH_PARTITION(ACCESS_EXCLUSIVE, TableWork.NONE),
    /** A form this model does not know: ALTER TABLE's documented default applies. */
    OTHER(ACCESS_EXCLUSIVE, TableWork.NONE);

    private final LockLevel lock;
    private final TableWork work;

    AlterKind(LockLevel lock, TableWork work) {
        this.lock = lock;
        this.work = work;
    }

    LockLevel lock() {
        return lock;
    }

    TableWork work() {
        return work;
    }
}
