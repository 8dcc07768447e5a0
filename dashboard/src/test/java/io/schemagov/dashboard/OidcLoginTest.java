package io.schemagov.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With an OIDC client registered and no local user, the dashboard starts, offers the provider on its login page and
 * sends a login to the provider's authorization endpoint. (The provider itself is not needed for that.)
 */
@SpringBootTest(classes = DashboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + DashboardApplication.CONFIG_NAME,
            "spring.elasticsearch.uris=http://127.0.0.1:9",
            "spring.security.oauth2.client.registration.corp.client-id=schemagov",
            "spring.security.oauth2.client.registration.corp.client-secret=test-client-secret",
            "spring.security.oauth2.client.registration.corp.client-name=Corp SSO",
            "spring.security.oauth2.client.registration.corp.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.corp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
            "spring.security.oauth2.client.registration.corp.scope=openid,profile",
            "spring.security.oauth2.client.provider.corp.authorization-uri=http://idp.example.test/authorize",
            "spring.security.oauth2.client.provider.corp.token-uri=http://idp.example.test/token",
            "spring.security.oauth2.client.provider.corp.jwk-set-uri=http://idp.example.test/jwks",
            "schemagov.dashboard.oidc.admin-values=dba"})
class OidcLoginTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void offersTheProviderOnTheLoginPage() throws Exception {
        assertThat(get("/login/options").body()).contains("\"id\":\"corp\"", "\"name\":\"Corp SSO\"");
    }

    @Test
    void sendsALoginToTheProvidersAuthorizationEndpoint() throws Exception {
        HttpResponse<String> response = get("/oauth2/authorization/corp");

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://idp.example.test/authorize?").contains("response_type=code",
                "client_id=schemagov", "scope=openid%20profile", "redirect_uri=");
    }

    @Test
    void stillRefusesTheApiWithoutLogin() throws Exception {
        assertThat(get("/api/findings").statusCode()).isEqualTo(401);
    }
}
