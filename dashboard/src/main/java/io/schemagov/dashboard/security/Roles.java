package io.schemagov.dashboard.security;

import io.schemagov.dashboard.security.AccessProperties.Oidc;
import io.schemagov.dashboard.security.AccessProperties.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What each dashboard role may do, as Spring Security role names: an admin is also a viewer. */
final class Roles {

    static final String VIEWER = "VIEWER";
    static final String ADMIN = "ADMIN";

    private Roles() {
    }

    static String[] granted(Role role) {
        return role == Role.ADMIN ? new String[] {VIEWER, ADMIN} : new String[] {VIEWER};
    }

    /**
     * The role an OIDC login earns from the values of its roles claim, or empty when it earns none (the login is then
     * refused rather than let in with nothing to see).
     */
    static Optional<Role> fromClaim(Oidc oidc, Collection<String> claimValues) {
        if (claimValues.stream().anyMatch(oidc.adminValues()::contains)) {
            return Optional.of(Role.ADMIN);
        }
        if (oidc.viewerValues().isEmpty() || claimValues.stream().anyMatch(oidc.viewerValues()::contains)) {
            return Optional.of(Role.VIEWER);
        }
        return Optional.empty();
    }

    /** A claim may be a list of strings, one string, or missing. */
    static List<String> claimValues(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }
}
