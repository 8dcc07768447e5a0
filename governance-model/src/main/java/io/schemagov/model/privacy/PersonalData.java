package io.schemagov.model.privacy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Proposes which columns likely hold personal data or secrets, from their name and type alone: the ingest masks
 * what it proposes unless told otherwise, and the dashboard shows the proposals, so that a column nobody thought to
 * mark does not leak. It errs on the side of proposing: a false alarm costs one exemption in the configuration,
 * a miss puts personal data into Kafka and Elasticsearch for good.
 */
public final class PersonalData {

    /** The kind of personal data a column seems to hold. */
    public enum Category {
        EMAIL, PHONE, NAME, ADDRESS, BIRTH_DATE, NATIONAL_ID, CARD_NUMBER, BANK_ACCOUNT, PASSWORD, TOKEN, IP_ADDRESS;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** Each category's name patterns: a set of words that must all occur among the name's words. */
    private record Signal(Category category, List<Set<String>> words, boolean textual) {
    }

    private static final List<Signal> SIGNALS = List.of(
            signal(Category.PASSWORD, false, "password", "passwd", "pwd", "passphrase"),
            signal(Category.TOKEN, true, "token", "secret", "api key", "apikey", "session id", "otp"),
            signal(Category.EMAIL, true, "email", "mail", "e mail"),
            signal(Category.PHONE, true, "phone", "mobile", "telephone", "tel", "msisdn", "fax", "cell"),
            signal(Category.NATIONAL_ID, false, "ssn", "social security", "national id", "passport", "tax id",
                    "taxpayer", "driver license", "drivers license", "id card", "identity number"),
            signal(Category.CARD_NUMBER, false, "card number", "cc number", "credit card", "pan", "cvv", "cvc"),
            signal(Category.BANK_ACCOUNT, false, "iban", "account number", "bank account", "routing number",
                    "sort code"),
            signal(Category.BIRTH_DATE, false, "birth", "birthday", "birthdate", "dob"),
            signal(Category.IP_ADDRESS, false, "ip", "ip address", "remote addr", "client addr"),
            signal(Category.ADDRESS, true, "address", "street", "postcode", "postal code", "zip", "zip code",
                    "house number"),
            signal(Category.NAME, true, "first name", "last name", "full name", "surname", "given name",
                    "family name", "middle name", "maiden name", "firstname", "lastname", "fullname", "forename", "card holder", "cardholder"));

    private static final Pattern CAMEL_CASE = Pattern.compile("([a-z0-9])([A-Z])");

    private PersonalData() {
    }

    /**
     * The category the column seems to hold, or empty.
     *
     * @param dataType the column's type as the database names it, or null when unknown; a textual category is only
     *                 proposed for textual (or unknown) types, so that {@code phone_count integer} is left alone
     */
    public static Optional<Category> classify(String columnName, String dataType) {
        Set<String> words = Arrays.stream(CAMEL_CASE.matcher(columnName).replaceAll("$1_$2").toLowerCase(Locale.ROOT)
                        .split("[^a-z0-9]+"))
                .filter(w -> !w.isEmpty()).collect(Collectors.toSet());
        boolean textual = dataType == null || isTextual(dataType);
        for (Signal signal : SIGNALS) {
            if (signal.textual() && !textual) {
                continue;
            }
            if (signal.words().stream().anyMatch(words::containsAll)) {
                return Optional.of(signal.category());
            }
        }
        return Optional.empty();
    }

    private static boolean isTextual(String dataType) {
        String type = dataType.toLowerCase(Locale.ROOT);
        return type.contains("char") || type.contains("text") || type.equals("string") || type.equals("citext")
                || type.equals("json") || type.equals("jsonb") || type.equals("bytea");
    }

    private static Signal signal(Category category, boolean textual, String... phrases) {
        return new Signal(category, Arrays.stream(phrases).map(p -> Set.of(p.split(" "))).toList(), textual);
    }
}
