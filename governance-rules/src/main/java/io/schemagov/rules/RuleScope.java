package io.schemagov.rules;

/** What a rule looks at: the change itself, or the resulting state of each table. */
public enum RuleScope {
    /** Judges what a DDL statement did (locks taken, data dropped); runs on DDL events only. */
    CHANGE,
    /** Judges a table as it is now; runs on every table snapshot, so its findings can also resolve. */
    TABLE_STATE
}
