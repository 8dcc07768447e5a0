package io.schemagov.analyzer.alerts;

import io.schemagov.rules.Severity;

/** Finding alerts for unit tests. */
final class Findings {

    private Findings() {
    }

    static FindingAlert finding(String id, String database, Severity severity) {
        return new FindingAlert(id, "lock-heavy-alter", "ALTER takes an ACCESS EXCLUSIVE lock", severity, "open", database,
                "public", "orders", "ALTER TABLE orders ALTER COLUMN total TYPE numeric", "rewrites 2 GB under an exclusive lock",
                "app_owner", "flyway", 5_000_000L, 2_147_483_648L, 42L, false);
    }
}
