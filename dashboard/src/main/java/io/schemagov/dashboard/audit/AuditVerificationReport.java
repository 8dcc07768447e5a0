package io.schemagov.dashboard.audit;

import io.schemagov.model.audit.ChainVerification;
import java.time.Instant;

/**
 * The answer to "is this table's audit trail for this period unaltered?".
 *
 * @param firstSequence  the chain position of the period's first record, or null when the period has none
 * @param lastSequence   of its last record checked
 * @param anchored       whether the first record was checked against the record before it; false when that one
 *                       is no longer stored (for example dropped by retention), so the period is proven only from
 *                       its first record on
 * @param checked        how many records were verified
 * @param brokenSequence the first record that fails, or null when intact
 */
public record AuditVerificationReport(String database, String table, Instant from, Instant to, boolean intact,
        Long firstSequence, Long lastSequence, boolean anchored, int checked, Long brokenSequence,
        String brokenRecord, String reason) {

    static AuditVerificationReport intact(String database, String table, Instant from, Instant to, Long first,
            Long last, boolean anchored, int checked) {
        return new AuditVerificationReport(database, table, from, to, true, first, last, anchored, checked, null,
                null, null);
    }

    static AuditVerificationReport broken(String database, String table, Instant from, Instant to, Long first,
            Boolean anchored, int checked, ChainVerification verdict) {
        return new AuditVerificationReport(database, table, from, to, false, first,
                checked > 0 ? verdict.brokenSequence() - 1 : null,
                anchored != null && anchored, checked, verdict.brokenSequence(), verdict.brokenRecordId(),
                verdict.reason());
    }
}
