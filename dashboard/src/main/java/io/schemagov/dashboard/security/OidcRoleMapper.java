package io.schemagov.dashboard.security;

import io.schemagov.dashboard.security.AccessProperties.Oidc;
import io.schemagov.dashboard.security.AccessProperties.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * Gives an OIDC or OAuth2 login its dashboard role from the configured claim (e.g. the groups the identity provider
 * puts in the ID token). A login whose claim earns no role is refused.
 */
final class OidcRoleMapper implements GrantedAuthoritiesMapper {

    private final Oidc oidc;

    OidcRoleMapper(Oidc oidc) {
        this.oidc = oidc;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        List<String> values = new ArrayList<>();
        for (GrantedAuthority authority : authorities) {
            values.addAll(Roles.claimValues(claims(authority).get(oidc.rolesClaim())));
        }
        Optional<Role> role = Roles.fromClaim(oidc, values);
        if (role.isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "the login's " + oidc.rolesClaim() + " claim grants no dashboard role", null));
        }
        List<GrantedAuthority> mapped = new ArrayList<>(authorities);
        for (String granted : Roles.granted(role.get())) {
            mapped.add(new SimpleGrantedAuthority("ROLE_" + granted));
        }
        return mapped;
    }

    private static Map<String, Object> claims(GrantedAuthority authority) {
        if (authority instanceof OidcUserAuthority user) {
            Map<String, Object> claims = new HashMap<>(user.getAttributes());
            if (user.getUserInfo() != null) {
                claims.putAll(user.getUserInfo().getClaims());
            }
            return claims;
        }
        if (authority instanceof OAuth2UserAuthority user) {
            return user.getAttributes();
        }
        return Map.of();
    }
}
