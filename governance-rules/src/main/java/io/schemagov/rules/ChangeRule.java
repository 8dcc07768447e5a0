package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;

/** A rule that judges what one DDL change did. */
public non-sealed interface ChangeRule extends Rule {

    /** The findings about this change; empty when it is fine. Must not modify the event. */
    List<Finding> evaluate(SchemaChangeEvent event, RuleSettings settings);

    /**
     * Whether the engine should also run this rule on BASELINE events. False for nearly every change rule,
     * because a baseline records state, not something that just happened.
     */
    default boolean runsOnBaseline() {
        return false;
    }
}
