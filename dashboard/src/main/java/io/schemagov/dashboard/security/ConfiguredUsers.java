package io.schemagov.dashboard.security;

import io.schemagov.dashboard.security.AccessProperties.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Turns the configured users into Spring Security users, refusing configurations that would ship open: a missing or
 * short plain password, a well-known default, or two users of the same name. Every message names the property.
 */
final class ConfiguredUsers {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Set<String> WELL_KNOWN = Set.of("changeme1234", "password1234", "administrator",
            "adminadminadmin", "123456789012", "qwertyuiopas");

    private ConfiguredUsers() {
    }

    static InMemoryUserDetailsManager of(List<User> users, PasswordEncoder encoder) {
        List<UserDetails> details = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            String property = "schemagov.dashboard.users[" + i + "]";
            if (!names.add(user.name())) {
                throw new IllegalStateException(property + ".name: the user '" + user.name() + "' is configured twice");
            }
            details.add(org.springframework.security.core.userdetails.User.withUsername(user.name())
                    .password(encoded(user.password(), property + ".password", encoder))
                    .roles(Roles.granted(user.role()))
                    .build());
        }
        return new InMemoryUserDetailsManager(details);
    }

    /** A stored hash ({@code {bcrypt}...}) is kept; a plain password is checked, then hashed. */
    static String encoded(String password, String property, PasswordEncoder encoder) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(property + ": required (a {bcrypt} hash, or a plain password of at least "
                    + MIN_PASSWORD_LENGTH + " characters, e.g. from an environment variable)");
        }
        if (password.startsWith("{")) {
            if (!password.startsWith("{bcrypt}") && !password.startsWith("{pbkdf2}") && !password.startsWith("{argon2}")) {
                throw new IllegalStateException(property + ": unsupported hash; use {bcrypt}, {pbkdf2} or {argon2}");
            }
            return password;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException(property + ": too short; use at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(property + ": a well-known default password; choose another");
        }
        return encoder.encode(password);
    }
}
