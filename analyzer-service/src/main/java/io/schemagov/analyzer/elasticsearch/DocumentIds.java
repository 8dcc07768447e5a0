package io.schemagov.analyzer.elasticsearch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic document ids: the same inputs give the same id on every delivery. */
public final class DocumentIds {

    /** Longer positions (none that a source gives today) fall back to a plain hash, far below Elasticsearch's 512 bytes. */
    private static final int MAX_ORDERED_POSITION = 200;

    private DocumentIds() {
    }

    public static String of(String... parts) {
        return HexFormat.of().formatHex(digest(parts), 0, 16);
    }

    /**
     * An id that starts with the source position, for indices that take a high volume of writes in log order (the
     * audit records). Elasticsearch looks every explicit id up before it writes; ids that grow with the log fall
     * outside the term range of the older segments and share prefixes with their neighbours, so Lucene can pass over
     * those segments, where a random hash has to be sought in each. (On 500,000 rows, AuditIndexingBenchmark saw no
     * difference yet; the daily indices of a busy database grow far larger.) The position should grow as text
     * with the log (a zero-padded LSN; a binlog file and zero-padded offset, then the row); the hash of {@code parts}
     * tells apart what shares a position.
     */
    public static String ordered(String position, String... parts) {
        if (position == null || position.isEmpty() || position.length() > MAX_ORDERED_POSITION) {
            String[] all = new String[parts.length + 1];
            all[0] = position;
            System.arraycopy(parts, 0, all, 1, parts.length);
            return of(all);
        }
        return position + "~" + HexFormat.of().formatHex(digest(parts), 0, 6);
    }

    private static byte[] digest(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
