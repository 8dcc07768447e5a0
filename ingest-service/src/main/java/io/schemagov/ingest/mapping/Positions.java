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

    /** PostgreSQL's own notation, e.g. {@code 0/16B3748}, zero-padded so positions sort as text. */
    static String formatLsn(long lsn) {
        return String.format("%08X/%08X", lsn >>> 32, lsn & 0xFFFFFFFFL);
    }
}
