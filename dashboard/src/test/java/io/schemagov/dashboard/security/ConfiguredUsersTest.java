package io.schemagov.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.dashboard.security.AccessProperties.Oidc;
import io.schemagov.dashboard.security.AccessProperties.Role;
import io.schemagov.dashboard.security.AccessProperties.User;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class ConfiguredUsersTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final String PASSWORD = "a-long-enough-secret";

    @Test
    void hashesPlainPasswordsAndGrantsTheRoles() {
        InMemoryUserDetailsManager users = ConfiguredUsers.of(List.of(new User("ada", PASSWORD, Role.ADMIN),
                new User("vera", PASSWORD, Role.VIEWER)), ENCODER);

        var ada = users.loadUserByUsername("ada");
        assertThat(ada.getPassword()).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(ENCODER.matches(PASSWORD, ada.getPassword())).isTrue();
        assertThat(ada.getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_VIEWER");
        assertThat(users.loadUserByUsername("vera").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_VIEWER");
    }

    @Test
    void keepsAStoredHash() {
        String hash = ENCODER.encode(PASSWORD);

        assertThat(ConfiguredUsers.encoded(hash, "p", ENCODER)).isEqualTo(hash);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "short", "elevenchars", "changeme1234", "{md5}abcdef", "{noop}open-sesame-123"})
    void refusesPasswordsThatWouldShipOpenNamingTheProperty(String password) {
        assertThatThrownBy(() -> ConfiguredUsers.encoded(password, "schemagov.dashboard.users[0].password", ENCODER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("schemagov.dashboard.users[0].password: ");
    }

    @Test
    void refusesAUserConfiguredTwice() {
        assertThatThrownBy(() -> ConfiguredUsers.of(List.of(new User("ada", PASSWORD, Role.ADMIN),
                new User("ada", PASSWORD, Role.VIEWER)), ENCODER))
                .hasMessageContaining("schemagov.dashboard.users[1].name");
    }

    @Test
    void refusesToStartWithNoUserAndNoOidcLogin() {
        var noOidc = new StaticListableBeanFactory().getBeanProvider(ClientRegistrationRepository.class);
        AccessProperties none = new AccessProperties(List.of(), new Oidc("groups", List.of(), List.of()));

        assertThatThrownBy(() -> new SecurityConfiguration().configuredUsers(none, ENCODER, noOidc))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schemagov.dashboard.users")
                .hasMessageContaining("never starts open");
    }

    @Test
    void neverShowsThePasswordInToString() {
        assertThat(new User("ada", PASSWORD, Role.ADMIN).toString()).doesNotContain(PASSWORD).contains("****");
    }
}
