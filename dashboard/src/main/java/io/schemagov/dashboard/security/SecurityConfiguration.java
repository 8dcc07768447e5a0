package io.schemagov.dashboard.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Login for every page and API route except health and the login page itself. Browsers log in with a form (a
 * session cookie, CSRF-protected); tools call the API with HTTP Basic. Viewers read; only admins may change
 * anything (acknowledge, suppress). OIDC login is added when a client registration is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
class SecurityConfiguration {

    /** Reachable without a login: the login page and what it loads, its options, the health probes and the metrics. */
    static final String[] PUBLIC = {"/login.html", "/login.js", "/app.css", "/favicon.ico", "/webjars/**",
        "/login/options", "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService configuredUsers(AccessProperties access, PasswordEncoder encoder,
            ObjectProvider<ClientRegistrationRepository> oidc) {
        if (access.users().isEmpty() && oidc.getIfAvailable() == null) {
            throw new IllegalStateException("schemagov.dashboard.users: no user is configured and no OIDC login "
                    + "(spring.security.oauth2.client.registration.*); the dashboard never starts open. Set "
                    + "schemagov.dashboard.users[0].name, .password and .role (VIEWER or ADMIN), e.g. "
                    + "SCHEMAGOV_DASHBOARD_USERS_0_PASSWORD from a secret");
        }
        return ConfiguredUsers.of(access.users(), encoder);
    }

    @Bean
    SecurityFilterChain dashboardSecurity(HttpSecurity http, AccessProperties access,
            ObjectProvider<ClientRegistrationRepository> oidc) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/v3/");
        // Tools authenticate each call with Basic and hold no session a forged request could ride on. The 401 never
        // asks for Basic (no WWW-Authenticate), so browsers never cache such credentials for this site.
        RequestMatcher basicCall = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        };
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasRole(Roles.VIEWER)
                        .requestMatchers(HttpMethod.HEAD, "/**").hasRole(Roles.VIEWER)
                        .anyRequest().hasRole(Roles.ADMIN))
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                        .successHandler(JsonAuthenticationHandlers::loggedIn)
                        .failureHandler(JsonAuthenticationHandlers::loginFailed)
                        .permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(JsonAuthenticationHandlers::unauthorized))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler(JsonAuthenticationHandlers::loggedOut))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        // The scripts send the cookie's value back in the X-XSRF-TOKEN header.
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(basicCall))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(JsonAuthenticationHandlers::unauthorized, api)
                        .defaultAuthenticationEntryPointFor(JsonAuthenticationHandlers::toLoginPage, request -> true)
                        .accessDeniedHandler(JsonAuthenticationHandlers::forbidden))
                .requestCache(AbstractHttpConfigurer::disable);
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login.html")
                    .userInfoEndpoint(info -> info.userAuthoritiesMapper(new OidcRoleMapper(access.oidc())))
                    .defaultSuccessUrl("/", true));
        }
        return http.build();
    }
}
