package io.schemagov.rules;

/** PostgreSQL's table-level lock modes, weakest first, with the documented conflict table and what each blocks. */
enum LockLevel {
    /** SELECT. */
    ACCESS_SHARE("blocks only ACCESS EXCLUSIVE locks (DROP TABLE, most ALTER TABLE forms, VACUUM FULL)",
            "ACCESS EXCLUSIVE locks"),
    /** SELECT FOR UPDATE / FOR SHARE; the referenced table of VALIDATE CONSTRAINT on a foreign key. */
    ROW_SHARE("blocks only EXCLUSIVE and ACCESS EXCLUSIVE locks", "EXCLUSIVE and ACCESS EXCLUSIVE locks"),
    /** INSERT, UPDATE, DELETE, MERGE. */
    ROW_EXCLUSIVE("blocks CREATE INDEX without CONCURRENTLY and most DDL", "CREATE INDEX and most DDL"),
    /** VACUUM, ANALYZE, CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT, ATTACH PARTITION, some ALTER TABLE forms. */
    SHARE_UPDATE_EXCLUSIVE("blocks other DDL and VACUUM", "other DDL and VACUUM"),
    /** CREATE INDEX without CONCURRENTLY. */
    SHARE("blocks INSERT, UPDATE and DELETE", "writes"),
    /** CREATE TRIGGER, ADD FOREIGN KEY, ENABLE/DISABLE TRIGGER. */
    SHARE_ROW_EXCLUSIVE("blocks writes", "writes"),
    /** REFRESH MATERIALIZED VIEW CONCURRENTLY. */
    EXCLUSIVE("blocks writes and SELECT FOR UPDATE/SHARE; only plain reads continue", "writes and row locks"),
    /** Most ALTER TABLE forms, DROP, TRUNCATE, VACUUM FULL, CLUSTER, REINDEX's lock on the index. */
    ACCESS_EXCLUSIVE("blocks reads and writes", "reads and writes");

    /**
     * Bit i of row m is set when mode m conflicts with mode i, in declaration order: PostgreSQL's table of
     * conflicting lock modes, transcribed row by row.
     */
    private static final int[] CONFLICTS = {
        0b1000_0000, // ACCESS SHARE: ACCESS EXCLUSIVE
        0b1100_0000, // ROW SHARE: EXCLUSIVE, ACCESS EXCLUSIVE
        0b1111_0000, // ROW EXCLUSIVE: SHARE and up
        0b1111_1000, // SHARE UPDATE EXCLUSIVE: itself and up
        0b1110_1100, // SHARE: ROW EXCLUSIVE, SHARE UPDATE EXCLUSIVE, SHARE ROW EXCLUSIVE and up, not itself
        0b1111_1100, // SHARE ROW EXCLUSIVE: ROW EXCLUSIVE and up
        0b1111_1110, // EXCLUSIVE: ROW SHARE and up
        0b1111_1111  // ACCESS EXCLUSIVE: everything
    };

    private final String blocks;
    private final String blocked;

    LockLevel(String blocks, String blocked) {
        this.blocks = blocks;
        this.blocked = blocked;
    }

    /** The name PostgreSQL uses, e.g. {@code SHARE ROW EXCLUSIVE}. */
    String sqlName() {
        return name().replace('_', ' ');
    }

    /** {@code a SHARE lock} or {@code an ACCESS EXCLUSIVE lock}. */
    String withArticle() {
        String article = "AEIOU".indexOf(sqlName().charAt(0)) >= 0 ? "an " : "a ";
        return article + sqlName() + " lock";
    }

    /** What the lock blocks, in words: e.g. {@code blocks reads and writes}. */
    String blocks() {
        return blocks;
    }

    /** The activity it stops, for sentences like "writes blocked for the whole scan". */
    String blockedActivity() {
        return blocked;
    }

    /** Whether a session holding this lock makes a session requesting {@code other} wait, and vice versa. */
    boolean conflictsWith(LockLevel other) {
        return (CONFLICTS[ordinal()] & (1 << other.ordinal())) != 0;
    }

    /** Whether INSERT, UPDATE and DELETE (ROW EXCLUSIVE) wait for it. */
    boolean blocksWrites() {
        return conflictsWith(ROW_EXCLUSIVE);
    }

    /** Whether plain SELECT (ACCESS SHARE) waits for it. */
    boolean blocksReads() {
        return conflictsWith(ACCESS_SHARE);
    }

    static LockLevel strongest(LockLevel a, LockLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
