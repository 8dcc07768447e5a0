package io.schemagov.model.audit;

import java.util.function.Supplier;

/**
 * One stored audit record with its chain fields.
 *
 * @param id    where it is stored, for the report
 * @param facts its content; reading it may fail when a stored field was tampered into the wrong shape
 */
public record ChainedRecord(String id, long sequence, String previousHash, String hash, Supplier<AuditFacts> facts) {
}
