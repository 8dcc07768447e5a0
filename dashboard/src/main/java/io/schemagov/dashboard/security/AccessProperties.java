package io.schemagov.dashboard.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the dashboard ({@code schemagov.dashboard.*}): users from configuration for the embedded default and
 * small installations, and how OIDC logins map to roles. There is no built-in user: without a configured user or an
 * OIDC client registration the dashboard refuses to start.
 *
 * @param users the local users; each password is a {@code {bcrypt}} hash or a plain value of at least
 *              {@link ConfiguredUsers#MIN_PASSWORD_LENGTH} characters (hashed at start-up, never logged)
 * @param oidc  how the claims of an OIDC login become roles
 */
@Validated
@ConfigurationProperties("schemagov.dashboard")
public record AccessProperties(@Valid @NotNull @DefaultValue List<User> users, @Valid @NotNull @DefaultValue Oidc oidc) {

    /** A dashboard role: viewers read, admins also acknowledge and suppress findings. */
    public enum Role {
        VIEWER, ADMIN
    }

    /** One local user. The password never appears in {@link #toString()}. */
    public record User(@NotBlank String name, String password, @NotNull @DefaultValue("VIEWER") Role role) {

        @Override
        public String toString() {
            return "User[name=" + name + ", role=" + role + ", password=" + (password == null ? "unset" : "****") + "]";
        }
    }

    /**
     * @param rolesClaim  the claim of the ID token or user info holding the user's groups or roles
     * @param adminValues values of that claim that make an admin
     * @param viewerValues values that make a viewer; empty means every authenticated user may read
     */
    public record Oidc(@NotBlank @DefaultValue("groups") String rolesClaim,
                       @NotNull @DefaultValue List<String> adminValues,
                       @NotNull @DefaultValue List<String> viewerValues) {
    }
}
