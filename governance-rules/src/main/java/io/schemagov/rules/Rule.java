package io.schemagov.rules;

/** A governance check; either a {@link ChangeRule} or a {@link TableRule}. */
public sealed interface Rule permits ChangeRule, TableRule {

    /** What this rule is and how to fix what it finds. */
    RuleInfo info();
}
