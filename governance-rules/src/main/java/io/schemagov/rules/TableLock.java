package io.schemagov.rules;

/**
 * A lock one captured command held on a table and the work it did there while holding it.
 *
 * @param lockedBy the command or action that needed the lock, e.g. {@code ALTER TABLE ... ADD COLUMN note}
 * @param work     what PostgreSQL actually did, as far as the event shows (a possible rewrite that the event
 *                 does not record counts as none)
 * @param workedBy the command or action that did that work
 */
record TableLock(LockedTable table, LockLevel lock, String lockedBy, TableWork work, String workedBy) {
}
