package io.schemagov.dashboard.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /login/options} (public): what the login page offers, a form for local users and OIDC providers. */
@RestController
class LoginOptionsController {

    private final List<Provider> providers;

    LoginOptionsController(ObjectProvider<ClientRegistrationRepository> repository) {
        this.providers = providersOf(repository.getIfAvailable());
    }

    /** One OIDC provider: the page links to {@code /oauth2/authorization/<id>}. */
    record Provider(String id, String name) {
    }

    record Options(List<Provider> providers) {
    }

    @GetMapping("/login/options")
    Options options() {
        return new Options(providers);
    }

    /** Spring Boot's repository is iterable over its registrations; another implementation lists none. */
    @SuppressWarnings("unchecked")
    static List<Provider> providersOf(ClientRegistrationRepository repository) {
        List<Provider> providers = new ArrayList<>();
        if (repository instanceof Iterable<?>) {
            for (ClientRegistration registration : (Iterable<ClientRegistration>) repository) {
                providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        return providers;
    }
}
