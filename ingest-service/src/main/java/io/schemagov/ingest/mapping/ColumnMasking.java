package io.schemagov.ingest.mapping;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Masks the values of sensitive columns before an event leaves the ingest. With a key, a
 * value becomes a keyed hash (HMAC-SHA-256), so equal values stay joinable without being
 * readable; without a key it becomes a fixed mask.
 */
public final class ColumnMasking {

    static final String MASK = "****";

    private final Set<String> sensitiveColumns;
    private final SecretKeySpec key;

    public ColumnMasking(List<String> sensitiveColumns, String hashKey) {
        this.sensitiveColumns = Set.copyOf(sensitiveColumns);
        this.key = hashKey == null || hashKey.isEmpty() ? null : new SecretKeySpec(hashKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    boolean isSensitive(String schema, String table, String column) {
        return sensitiveColumns.contains(schema + "." + table + "." + column);
    }

    String mask(String value) {
        if (value == null) {
            return null;
        }
        if (key == null) {
            return MASK;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return "hmac:" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
