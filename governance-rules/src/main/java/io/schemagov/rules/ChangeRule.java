package io.schemagov.rules;

import io.schemagov.model.SchemaChangeEvent;
import java.util.List;
import java.util.Set;

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

    /**
     * The command tags, in upper case (e.g. {@code ALTER TABLE}), of the only events this rule can find anything
     * in; empty (the default) for a rule that may fire on any event. The engine does not run the rule on events
     * with another tag, so a rule that names tags must find nothing in any other event, nor in one without a tag;
     * tags are compared ignoring letter case, as the rules compare them.
     */
    default Set<String> commandTags() {
        return Set.of();
    }
}
