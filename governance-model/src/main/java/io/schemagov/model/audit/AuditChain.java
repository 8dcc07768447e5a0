package io.schemagov.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain that makes each table's audit trail tamper-evident: every record's hash covers its content, its
 * sequence number and the previous record's hash, so changing, removing or reordering a stored record breaks the
 * chain from that point on. The hash is SHA-256 over an unambiguous encoding (every value length-prefixed, maps
 * sorted by column), computed after masking so that verifying needs no secret.
 */
public final class AuditChain {

    /** The previous hash of a table's first record. */
    public static final String GENESIS = "genesis";

    private AuditChain() {
    }

    /** The hash of a record with these facts at this place in its table's chain. */
    public static String hash(AuditFacts facts, long sequence, String previousHash) {
        StringBuilder text = new StringBuilder("schemagov-audit-v1");
        field(text, facts.database());
        field(text, facts.table());
        field(text, facts.operation());
        field(text, facts.position());
        field(text, facts.transactionId() == null ? null : facts.transactionId().toString());
        field(text, millis(facts.commitTime()));
        field(text, millis(facts.eventTime()));
        row(text, facts.key());
        row(text, facts.before());
        row(text, facts.after());
        List<String> masked = facts.maskedColumns() == null ? List.of() : new ArrayList<>(facts.maskedColumns());
        masked.sort(null);
        field(text, String.valueOf(masked.size()));
        masked.forEach(column -> field(text, column));
        row(text, facts.actor());
        field(text, Long.toString(sequence));
        field(text, previousHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Checks records of one table, ordered by sequence: each hash must match its content, each record must name
     * the previous one's hash, and no sequence number may be missing.
     *
     * @param previous the record just before the first one checked, or null when checking from the table's start
     *                 (the first record must then be sequence 1 with the genesis hash)
     */
    public static ChainVerification verify(List<ChainedRecord> records, ChainedRecord previous) {
        String expectedPrevious = previous == null ? GENESIS : previous.hash();
        long expectedSequence = previous == null ? 1 : previous.sequence() + 1;
        int checked = 0;
        for (ChainedRecord record : records) {
            if (record.sequence() != expectedSequence) {
                return ChainVerification.broken(checked, record, record.sequence() < expectedSequence
                        ? "sequence " + record.sequence() + " appears again or out of order"
                        : "sequence " + expectedSequence + (record.sequence() - expectedSequence > 1 ? " to "
                                + (record.sequence() - 1) : "") + " missing before this record");
            }
            if (!expectedPrevious.equals(record.previousHash())) {
                return ChainVerification.broken(checked, record,
                        "its previous hash does not match the hash of record " + (expectedSequence - 1));
            }
            String actual;
            try {
                actual = hash(record.facts().get(), record.sequence(), record.previousHash());
            } catch (IllegalArgumentException e) {
                return ChainVerification.broken(checked, record, e.getMessage());
            }
            if (!actual.equals(record.hash())) {
                return ChainVerification.broken(checked, record,
                        "its content does not match its hash: the record was altered after it was written");
            }
            checked++;
            expectedPrevious = record.hash();
            expectedSequence++;
        }
        return ChainVerification.intact(checked);
    }

    private static String millis(Instant instant) {
        return instant == null ? null : Long.toString(instant.toEpochMilli());
    }

    private static void row(StringBuilder text, Map<String, String> row) {
        if (row == null) {
            field(text, null);
            return;
        }
        field(text, String.valueOf(row.size()));
        new TreeMap<>(row).forEach((column, value) -> {
            field(text, column);
            field(text, value);
        });
    }

    /** {@code |<length>:<value>}, or {@code |-} for null: no value can be mistaken for a neighbour's. */
    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("|-");
        } else {
            text.append('|').append(value.length()).append(':').append(value);
        }
    }
}
