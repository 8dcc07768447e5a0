package io.schemagov.ingest.mapping;

import io.schemagov.model.privacy.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, per column, what happens to its values before an event leaves the ingest: nothing, a fixed mask, a
 * keyed hash (HMAC-SHA-256, so equal values stay joinable without being readable), or dropping the column. Columns
 * are protected when configured so, and, unless the classifier is off, when their name and type look like
 * personal data and nobody exempted them.
 */
public final class ColumnMasking {

    private static final Logger log = LoggerFactory.getLogger(ColumnMasking.class);
    static final String MASK = "****";

    /** What becomes of a protected column's values. */
    public enum Action { MASK, HASH, DROP }

    /** What the personal-data classifier may do with its proposals. */
    public enum Classifier {
        /** Not consulted. */
        OFF,
        /** Proposals are logged; values of proposed columns still leave in clear. */
        PROPOSE,
        /** Proposed columns are protected with the default action. */
        APPLY
    }

    private final Map<String, Action> configured;
    private final Action defaultAction;
    private final Classifier classifier;
    private final Set<String> exempt;
    private final SecretKeySpec key;
    private final Map<String, Optional<Action>> decided = new ConcurrentHashMap<>();
    /** A keyed MAC per thread: creating one costs more than hashing a value. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * @param configured    {@code schema.table.column} to its action
     * @param defaultAction for proposed columns
     * @param exempt        {@code schema.table.column} the classifier must leave alone
     * @param hashKey       the HMAC key, required when any action is {@link Action#HASH}
     */
    public ColumnMasking(Map<String, Action> configured, Action defaultAction, Classifier classifier,
            Set<String> exempt, String hashKey) {
        this.configured = Map.copyOf(configured);
        this.defaultAction = defaultAction;
        this.classifier = classifier;
        this.exempt = Set.copyOf(exempt);
        this.key = hashKey == null || hashKey.isEmpty() ? null
                : new SecretKeySpec(hashKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        boolean hashes = defaultAction == Action.HASH || configured.containsValue(Action.HASH);
        if (hashes && key == null) {
            throw new IllegalArgumentException("schemagov.ingest.masking.hash-key is required when a column is hashed");
        }
    }

    /**
     * What to do with a column's values, or empty to pass them on.
     *
     * @param dataType the column's type as far as the event tells, or null
     */
    Optional<Action> actionFor(String schema, String table, String column, String dataType) {
        String qualified = schema + "." + table + "." + column;
        return decided.computeIfAbsent(qualified, name -> decide(name, column, dataType));
    }

    private Optional<Action> decide(String qualified, String column, String dataType) {
        Action action = configured.get(qualified);
        if (action != null || classifier == Classifier.OFF || exempt.contains(qualified)) {
            return Optional.ofNullable(action);
        }
        Optional<PersonalData.Category> category = PersonalData.classify(column, dataType);
        if (category.isEmpty()) {
            return Optional.empty();
        }
        if (classifier == Classifier.PROPOSE) {
            log.warn("{} looks like personal data ({}) and leaves the ingest in clear: list it in "
                    + "schemagov.ingest.masking.sensitive-columns, or set schemagov.ingest.masking.classifier=apply",
                    qualified, category.get().label());
            return Optional.empty();
        }
        log.info("{} looks like personal data ({}): its values are protected ({}); list it in "
                + "schemagov.ingest.masking.exempt-columns to pass them on in clear", qualified,
                category.get().label(), defaultAction.name().toLowerCase(java.util.Locale.ROOT));
        return Optional.of(defaultAction);
    }

    /** The value as it may leave the ingest under a masking or hashing action. */
    String protect(Action action, String value) {
        if (value == null) {
            return null;
        }
        if (action == Action.MASK || key == null) {
            return MASK;
        }
        return "hmac:" + HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
