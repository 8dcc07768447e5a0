package io.schemagov.ingest.mapping;

import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import org.apache.kafka.connect.data.Struct;

/**
 * Reads the source position out of Debezium's {@code source} block: a PostgreSQL LSN, or a MariaDB/MySQL binlog
 * file, position and row.
 */
final class Positions {

    private Positions() {
    }

    static SourcePosition of(String database, Struct value) {
        Struct source = value.getStruct("source");
        if (isBinlog(source)) {
            return binlog(database, source);
        }
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
        if (isBinlog(source)) {
            return new long[] {binlogOffset(source), rowOf(source)};
        }
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

    /**
     * PostgreSQL's own notation, e.g. {@code 0/16B3748}, zero-padded so positions sort as text: {@code 00000000/016B3748}.
     * Written digit by digit, since it is made for every row change ({@code String.format} cost more than the rest of
     * reading the position).
     */
    static String formatLsn(long lsn) {
        char[] text = new char[17];
        text[8] = '/';
        for (int digit = 0; digit < 16; digit++) {
            int nibble = (int) (lsn >>> (60 - 4 * digit)) & 0xF;
            text[digit < 8 ? digit : digit + 1] = HEX[nibble];
        }
        return new String(text);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A MariaDB or MySQL source block: it has a binlog file. */
    static boolean isBinlog(Struct source) {
        return source.schema().field("file") != null;
    }

    private static SourcePosition binlog(String database, Struct source) {
        String connector = source.schema().field("connector") == null ? null : source.getString("connector");
        Long commitMillis = source.getInt64("ts_ms");
        return SourcePosition.newBuilder()
                .setKind("mysql".equals(connector) ? SourceKind.MYSQL : SourceKind.MARIADB)
                .setDatabase(database)
                .setPosition(String.format("%s:%012d:%d", source.getString("file"), source.getInt64("pos"), rowOf(source)))
                .setTransactionId(gtidSequence(source))
                .setCommitTime(commitMillis == null ? null : java.time.Instant.ofEpochMilli(commitMillis))
                .build();
    }

    /** The binlog file's number and the position in it, as one number that grows with the log. */
    private static long binlogOffset(Struct source) {
        String file = source.getString("file");
        java.util.regex.Matcher number = TRAILING_NUMBER.matcher(file == null ? "" : file);
        long fileNumber = number.find() ? Long.parseLong(number.group(1)) : 0;
        Long pos = source.getInt64("pos");
        return (fileNumber << 32) | (pos == null ? 0 : pos);
    }

    private static long rowOf(Struct source) {
        Object row = source.schema().field("row") == null ? null : source.get("row");
        return row instanceof Number n ? n.longValue() : 0;
    }

    /** The sequence number of the transaction's GTID (MariaDB {@code domain-server-sequence}, MySQL {@code uuid:n}). */
    private static Long gtidSequence(Struct source) {
        String gtid = source.schema().field("gtid") == null ? null : source.getString("gtid");
        if (gtid == null) {
            return null;
        }
        java.util.regex.Matcher number = TRAILING_NUMBER.matcher(gtid);
        return number.find() ? Long.parseLong(number.group(1)) : null;
    }

    private static final java.util.regex.Pattern TRAILING_NUMBER = java.util.regex.Pattern.compile("(\\d+)$");
}
