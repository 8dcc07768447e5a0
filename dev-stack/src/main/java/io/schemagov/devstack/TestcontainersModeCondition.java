package io.schemagov.devstack;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Skips every integration test class, before any of its set-up runs, when
 * {@code -Dschemagov.stack=testcontainers} finds no Docker engine. Failsafe registers it for
 * all test classes (JUnit's extension auto-detection); checking here rather than failing in
 * a {@code @BeforeAll} keeps the classes' {@code @AfterAll} clean-ups from running on
 * servers that never started.
 */
public final class TestcontainersModeCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (StackMode.current() != StackMode.TESTCONTAINERS) {
            return ConditionEvaluationResult.enabled(StackMode.PROPERTY + " is not testcontainers");
        }
        try {
            Containers.requireDocker();
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        } catch (TestAbortedException e) {
            return ConditionEvaluationResult.disabled(e.getMessage());
        }
    }
}
