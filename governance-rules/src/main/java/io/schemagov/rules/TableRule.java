package io.schemagov.rules;

import io.schemagov.model.TableSnapshot;
import java.util.Optional;

/** A rule that judges the current state of one table; at most one finding per table. */
public non-sealed interface TableRule extends Rule {

    /** The finding about this table, or empty when the table is fine in this rule's respect. */
    Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings);
}
