package io.schemagov.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.dashboard.security.AccessProperties.Oidc;
import io.schemagov.dashboard.security.AccessProperties.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class RolesTest {

    private static final Oidc ADMINS_AND_READERS = new Oidc("groups", List.of("dba"), List.of("dev", "audit"));
    private static final Oidc ADMINS_ONLY_LISTED = new Oidc("groups", List.of("dba"), List.of());

    static Stream<Arguments> claims() {
        return Stream.of(
                Arguments.of(ADMINS_AND_READERS, List.of("dba"), Optional.of(Role.ADMIN)),
                Arguments.of(ADMINS_AND_READERS, List.of("dev", "dba"), Optional.of(Role.ADMIN)),
                Arguments.of(ADMINS_AND_READERS, List.of("audit"), Optional.of(Role.VIEWER)),
                Arguments.of(ADMINS_AND_READERS, List.of("sales"), Optional.empty()),
                Arguments.of(ADMINS_AND_READERS, List.of(), Optional.empty()),
                Arguments.of(ADMINS_ONLY_LISTED, List.of("sales"), Optional.of(Role.VIEWER)),
                Arguments.of(ADMINS_ONLY_LISTED, List.of(), Optional.of(Role.VIEWER)));
    }

    @ParameterizedTest
    @MethodSource("claims")
    void givesTheRoleTheClaimEarns(Oidc oidc, List<String> values, Optional<Role> role) {
        assertThat(Roles.fromClaim(oidc, values)).isEqualTo(role);
    }

    @Test
    void readsAClaimAsAListAStringOrNothing() {
        assertThat(Roles.claimValues(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(Roles.claimValues("a")).containsExactly("a");
        assertThat(Roles.claimValues(null)).isEmpty();
    }

    private static OidcUserAuthority login(Map<String, Object> claims) {
        return new OidcUserAuthority(new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), claims));
    }

    @Test
    void mapsAnOidcLoginToItsRoles() {
        var mapped = new OidcRoleMapper(ADMINS_AND_READERS)
                .mapAuthorities(List.of(login(Map.of("sub", "ada", "groups", List.of("dba")))));

        assertThat(mapped).extracting(GrantedAuthority::getAuthority).contains("ROLE_ADMIN", "ROLE_VIEWER");
    }

    @Test
    void refusesAnOidcLoginThatEarnsNoRole() {
        assertThatThrownBy(() -> new OidcRoleMapper(ADMINS_AND_READERS)
                .mapAuthorities(List.of(login(Map.of("sub", "eve", "groups", List.of("sales"))))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }
}
