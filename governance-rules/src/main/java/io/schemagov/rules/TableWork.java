package io.schemagov.rules;

/** What a DDL command does to the table's rows while it holds its lock, from nothing to a full rewrite. */
enum TableWork {
    /** Catalog-only: done in an instant once the lock is granted. */
    NONE,
    /** Reads every row (to validate a constraint or build an index) without writing a new copy. */
    SCAN,
    /**
     * Rewrites the table unless PostgreSQL can prove it unnecessary (a binary-compatible type change, a default
     * that is not volatile); the text alone cannot tell, the event's table_rewrite record can.
     */
    MAY_REWRITE,
    /** Writes a new copy of every row and rebuilds every index (or copies every block, for SET TABLESPACE). */
    REWRITE;

    /** Whether the command certainly reads every row. */
    boolean touchesEveryRow() {
        return this == SCAN || this == REWRITE;
    }
}
