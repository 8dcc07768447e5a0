package io.schemagov.rules;

import java.util.List;

/** The rules about locks, scans and rewrites of PostgreSQL DDL, in the order their findings are reported. */
public final class LockRules {

    private LockRules() {
    }

    /** A new list of every lock rule; all are change rules. */
    public static List<Rule> all() {
        return List.of(
                new ConstraintWithoutNotValidRule(),
                new ValidateInSameTransactionRule(),
                new SetNotNullScansTableRule(),
                new UniqueOrPrimaryKeyWithoutUsingIndexRule(),
                new ExclusionConstraintAddedRule(),
                new ColumnTypeChangeRewritesRule(),
                new VolatileDefaultRewritesRule(),
                new IdentityOrSerialAddedRule(),
                new NotNullColumnWithoutDefaultRule(),
                new LockWithoutLockTimeoutRule(),
                new NoStatementTimeoutRule(),
                new DetachPartitionWithoutConcurrentlyRule(),
                new EnumValueChangedRule(),
                new ReindexWithoutConcurrentlyRule(),
                new VacuumFullOrClusterRule());
    }
}
