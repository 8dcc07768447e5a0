package io.schemagov.rules;

import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.TableSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Flags text columns named like passwords or secrets without a sign that they hold a hash or ciphertext. */
final class PasswordColumnPlaintextRule implements TableRule {

    static final String ID = "password-column-plaintext";

    /** Last words of a column name that mean a credential. */
    private static final Set<String> SECRET_WORDS = WordSet.of("password", "passwd", "pwd", "passphrase", "secret");
    /** Whole trailing phrases that mean a credential. */
    private static final List<List<String>> SECRET_PHRASES = List.of(List.of("api", "key"), List.of("apikey"),
            List.of("secret", "key"), List.of("private", "key"));
    /** The last words of those phrases. */
    private static final Set<String> PHRASE_ENDS = WordSet.copyOf(
            SECRET_PHRASES.stream().map(phrase -> phrase.get(phrase.size() - 1)).toList());
    /** Words that say the value is already hashed or encrypted (Devise's encrypted_password holds a bcrypt hash). */
    private static final Set<String> PROTECTED_WORDS = WordSet.of("hash", "hashed", "digest", "encrypted", "crypted",
            "bcrypt", "scrypt", "argon", "enc", "cipher", "ciphertext");

    private static final RuleInfo INFO = new RuleInfo(ID, "Password or secret stored as plain text", Severity.HIGH,
            RuleScope.TABLE_STATE,
            "A text column named password or secret without a hash or encryption marker most likely holds the "
                    + "secret itself. Anyone who can read the table, a backup, a replica, a log of slow queries or "
                    + "a change-data stream then holds every user's credential, which users reuse elsewhere. "
                    + "PostgreSQL's own encryption at rest does not help against any of these readers.",
            "Store passwords only as slow salted hashes computed by the application (argon2id, bcrypt, scrypt) in "
                    + "a column named e.g. password_hash, and compare by verifying the hash; never store the "
                    + "password. Secrets the application must use again (API keys of third parties) belong in a "
                    + "secrets manager, or encrypted by the application with a key kept outside the database. "
                    + "Migrate by hashing existing values, then rotate them, as they may already have leaked.",
            "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, password text NOT NULL);",
            "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, password_hash text NOT NULL);");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Optional<Finding> evaluate(TableSnapshot table, RuleSettings settings) {
        TableFacts facts = TableFacts.of(table);
        if (!facts.isTable()) {
            return Optional.empty();
        }
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < facts.columns().size(); i++) {
            if (facts.isString(i) && namesSecret(facts.words(i))) {
                secrets.add(DesignColumns.describe(facts.columns().get(i)));
            }
        }
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        String name = facts.name();
        String message = name + " has text columns named like credentials with no sign of hashing or encryption: "
                + String.join(", ", secrets);
        return Optional.of(INFO.finding(table.getSchemaName(), table.getTableName(), name, message));
    }

    /** Named like a credential and not like a hash of one; the protected words are looked up only for the few. */
    private static boolean namesSecret(List<String> words) {
        if (words.isEmpty() || !namesCredential(words)) {
            return false;
        }
        for (String word : words) {
            if (PROTECTED_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean namesCredential(List<String> words) {
        String last = words.get(words.size() - 1);
        if (SECRET_WORDS.contains(last)) {
            return true;
        }
        if (!PHRASE_ENDS.contains(last)) {
            return false; // most names: no phrase to compare
        }
        for (List<String> phrase : SECRET_PHRASES) {
            if (endsWith(words, phrase)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWith(List<String> words, List<String> phrase) {
        int offset = words.size() - phrase.size();
        if (offset < 0) {
            return false;
        }
        for (int i = phrase.size() - 1; i >= 0; i--) { // from the end, where most names differ already
            if (!words.get(offset + i).equals(phrase.get(i))) {
                return false;
            }
        }
        return true;
    }
}
