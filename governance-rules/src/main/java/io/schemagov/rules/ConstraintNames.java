package io.schemagov.rules;

import java.util.Locale;

/** Guesses a constraint's kind from its name, by PostgreSQL's generated names and common conventions. */
final class ConstraintNames {

    private ConstraintNames() {
    }

    /** {@code orders_customer_id_fkey} (PostgreSQL's own), {@code fk_orders_customer}, {@code orders_customer_fk}. */
    static boolean looksForeign(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("_fkey") || lower.endsWith("_fk") || lower.startsWith("fk_");
    }

    /** Names PostgreSQL or common conventions give primary keys, unique, check and exclusion constraints. */
    static boolean looksOtherKind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("_pkey") || lower.endsWith("_key") || lower.endsWith("_check") || lower.endsWith("_excl")
                || lower.endsWith("_not_null") || lower.startsWith("pk_") || lower.startsWith("uq_")
                || lower.startsWith("ck_") || lower.startsWith("chk_");
    }
}
