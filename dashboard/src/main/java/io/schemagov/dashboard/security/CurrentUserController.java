package io.schemagov.dashboard.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who is logged in and with which roles, so the pages show admin actions only to admins. */
@RestController
class CurrentUserController {

    record CurrentUser(String name, List<String> roles) {
    }

    @GetMapping("/api/me")
    CurrentUser me(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        return new CurrentUser(authentication.getName(), roles);
    }
}
