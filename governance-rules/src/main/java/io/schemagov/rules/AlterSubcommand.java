package io.schemagov.rules;

import io.schemagov.model.ConstraintType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One action of an ALTER TABLE statement with the lock it takes on the altered table and the work it does there.
 *
 * @param name           what the action is about: the column, the constraint (null when PostgreSQL names it),
 *                       the partition or the trigger
 * @param newName        the new name of a RENAME, the new schema of SET SCHEMA; null otherwise
 * @param constraintType the type of an added constraint; null for other actions
 * @param expression     the DEFAULT or generation expression of an added column, or the new type of ALTER
 *                       COLUMN TYPE, as readable text; null when there is none
 * @param related        another table the action locks: the referenced table of a foreign key, the partition
 *                       of ATTACH / DETACH; null when none
 * @param relatedLock    the lock taken on {@code related}
 * @param label          a short rendering such as {@code ADD CONSTRAINT orders_customer_fk} for messages
 */
record AlterSubcommand(AlterKind kind, LockLevel lock, TableWork work, String name, String newName,
        ConstraintType constraintType, Set<Flag> flags, String expression, String related, LockLevel relatedLock,
        String label) {

    /** Details of an action that change what it costs. */
    enum Flag {
        NOT_VALID, USING_INDEX, CONCURRENTLY, FINALIZE,
        /** An added column declared NOT NULL. */
        NOT_NULL,
        /** An added column with a DEFAULT clause. */
        DEFAULT,
        /** The DEFAULT calls a function known to be volatile (random(), clock_timestamp(), nextval(), ...). */
        VOLATILE_DEFAULT,
        IDENTITY, SERIAL, GENERATED_STORED,
        /** Constraints declared with an added column. */
        INLINE_CHECK, INLINE_REFERENCES, INLINE_UNIQUE, INLINE_PRIMARY_KEY
    }

    AlterSubcommand {
        // An enum set, not Set.copyOf: that hashes each flag into a HashSet first, for every action read.
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /** An action that locks only the altered table and whose lock and work are its kind's. */
    static AlterSubcommand simple(AlterKind kind, String name, String label) {
        return new AlterSubcommand(kind, kind.lock(), kind.work(), name, null, null, Set.of(), null, null, null,
                label);
    }

    boolean has(Flag flag) {
        return flags.contains(flag);
    }

    boolean is(AlterKind other) {
        return kind == other;
    }

    /** An added constraint of this type. */
    boolean adds(ConstraintType type) {
        return kind == AlterKind.ADD_CONSTRAINT && constraintType == type;
    }
}
