package io.schemagov.rules;

/** What a rule looks at: the change itself, the resulting state of each table, or the health of a source. */
public enum RuleScope {
    /** Judges what a DDL statement did (locks taken, data dropped); runs on DDL events only. */
    CHANGE,
    /** Judges a table as it is now; runs on every table snapshot, so its findings can also resolve. */
    TABLE_STATE,
    /** Judges a monitored source's health (its replication slot); runs on source health events, resolves when healthy. */
    SOURCE_STATE
}
