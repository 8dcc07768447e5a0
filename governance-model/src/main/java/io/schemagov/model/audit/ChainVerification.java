package io.schemagov.model.audit;

/**
 * The verdict on a stretch of a table's audit chain.
 *
 * @param checked        how many records were verified before the first break (all of them when intact)
 * @param brokenSequence the sequence number of the first record that fails, or null when intact
 * @param brokenRecordId where that record is stored, or null
 * @param reason         why it fails, or null
 */
public record ChainVerification(boolean intact, int checked, Long brokenSequence, String brokenRecordId,
        String reason) {

    static ChainVerification intact(int checked) {
        return new ChainVerification(true, checked, null, null, null);
    }

    static ChainVerification broken(int checked, ChainedRecord record, String reason) {
        return new ChainVerification(false, checked, record.sequence(), record.id(), reason);
    }
}
