package io.schemagov.dashboard;

import io.schemagov.devstack.SharedStack;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Skips a test class whose Elasticsearch cannot be had (the Testcontainers mode without a
 * Docker engine) before its Spring context asks for the URL: there the abort would surface
 * as a context that failed to load.
 */
class ElasticsearchRequired implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try {
            SharedStack.elasticsearch();
            return ConditionEvaluationResult.enabled("the dev stack's Elasticsearch runs");
        } catch (TestAbortedException e) {
            return ConditionEvaluationResult.disabled(e.getMessage());
        }
    }
}
