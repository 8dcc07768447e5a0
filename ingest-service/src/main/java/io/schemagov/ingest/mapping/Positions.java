package io.schemagov.ingest.mapping;

import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import org.apache.kafka.connect.data.Struct;

/** Reads the source position out of Debezium's {@code source} block. */
final class Positions {

    private Positions() {
    }

    static SourcePosition of(String database, Struct value) {
        Struct source = value.getStruct("source");
        Long lsn = source.getInt64("lsn");
        Long txId = source.getInt64("txId");
        Long commitMillis = source.getInt64("ts_ms");
        return SourcePosition.newBuilder()
                .setKind(SourceKind.POSTGRESQL)
                .setDatabase(database)
                .setPosition(lsn == null ? "unknown" : formatLsn(lsn))
                .setTransactionId(txId)
                .setCommitTime(commitMillis == null ? null : java.time.Instant.ofEpochMilli(commitMillis))
                .build();
    }

    /**
     * Where a change sits in the order the source delivers changes: the last commit before its transaction, then
     * its own log position (Debezium's {@code sequence} pair); a missing commit position counts as 0.
     */
    static long[] order(Struct value) {
        Struct source = value.getStruct("source");
        Long lsn = source.getInt64("lsn");
        long own = lsn == null ? 0 : lsn;
        String sequence = source.schema().field("sequence") == null ? null : source.getString("sequence");
        if (sequence == null) {
            return new long[] {0, own};
        }
        java.util.regex.Matcher first = FIRST_OF_SEQUENCE.matcher(sequence);
        return new long[] {first.find() ? Long.parseLong(first.group(1)) : 0, own};
    }

    private static final java.util.regex.Pattern FIRST_OF_SEQUENCE = java.util.regex.Pattern.compile("^\\[\\s*\"(\\d+)\"");

    /** PostgreSQL's own notation, e.g. {@code 0/16B3748}, zero-padded so positions sort as text. */
    static String formatLsn(long lsn) {
        return String.format("%08X/%08X", lsn >>> 32, lsn & 0xFFFFFFFFL);
    }
}
