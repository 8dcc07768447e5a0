package io.schemagov.analyzer.compliance;

import io.schemagov.rules.Severity;

/**
 * A compliance rule's verdict on a data change or a DDL statement, identified so that every row of one
 * transaction on one table makes one finding, not thousands.
 *
 * @param key what identifies it beyond database and rule: transaction and table, or the statement's position
 */
public record ComplianceFinding(ComplianceRule rule, Severity severity, String schema, String table, String key,
        String message) {
}
