package io.schemagov.dashboard.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who may do what, with the real security configuration in front of a probe controller. */
@WebMvcTest(controllers = {AccessTest.ProbeController.class, CurrentUserController.class, LoginOptionsController.class})
@Import({SecurityConfiguration.class, AccessTest.ProbeController.class})
@TestPropertySource(properties = {
    "schemagov.dashboard.users[0].name=vera", "schemagov.dashboard.users[0].password=" + AccessTest.PASSWORD,
    "schemagov.dashboard.users[0].role=VIEWER",
    "schemagov.dashboard.users[1].name=ada", "schemagov.dashboard.users[1].password=" + AccessTest.PASSWORD,
    "schemagov.dashboard.users[1].role=ADMIN"})
class AccessTest {

    static final String PASSWORD = "test-password-1234";

    @Autowired
    private MockMvc mvc;

    /** Stands for any API route: a read and a change. */
    @RestController
    static class ProbeController {
        @GetMapping("/api/probe")
        String read() {
            return "{\"read\":true}";
        }

        @PostMapping("/api/probe")
        String change() {
            return "{\"changed\":true}";
        }
    }

    @Test
    void refusesAnApiCallWithoutLoginWithJsonAndNoBasicChallenge() throws Exception {
        mvc.perform(get("/api/probe"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(header().doesNotExist("WWW-Authenticate"));
    }

    @Test
    void sendsABrowserWithoutLoginToTheLoginPage() throws Exception {
        mvc.perform(get("/findings.html"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("/login.html")));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
    }

    @Test
    void leavesTheLoginPageItsScriptsAndHealthOpen() throws Exception {
        mvc.perform(get("/login.html")).andExpect(status().isOk());
        mvc.perform(get("/login.js")).andExpect(status().isOk());
        mvc.perform(get("/login/options")).andExpect(status().isOk()).andExpect(jsonPath("$.providers").isArray());
    }

    @Test
    void logsInWithTheFormAndTheCsrfCookie() throws Exception {
        Cookie token = mvc.perform(get("/login/options")).andReturn().getResponse().getCookie("XSRF-TOKEN");

        mvc.perform(post("/login").cookie(token).header("X-XSRF-TOKEN", token.getValue())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("username", "vera").param("password", PASSWORD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("logged_in"));
    }

    @Test
    void refusesAFormLoginWithoutTheCsrfTokenAsNotLoggedIn() throws Exception {
        mvc.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("username", "vera").param("password", PASSWORD))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "vera").param("password", "not-the-password"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("bad_credentials"));
    }

    @Test
    void letsAViewerReadButNotChange() throws Exception {
        mvc.perform(get("/api/probe").with(httpBasic("vera", PASSWORD))).andExpect(status().isOk());
        mvc.perform(post("/api/probe").with(httpBasic("vera", PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("forbidden"));
    }

    @Test
    void letsAnAdminChangeWithBasicCredentials() throws Exception {
        mvc.perform(post("/api/probe").with(httpBasic("ada", PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void refusesASessionChangeWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/api/probe").with(user("ada").roles("VIEWER", "ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/probe").with(user("ada").roles("VIEWER", "ADMIN")).with(csrf().asHeader()))
                .andExpect(status().isOk());
    }

    @Test
    void tellsThePagesWhoIsLoggedIn() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("ada", PASSWORD)))
                .andExpect(jsonPath("$.name").value("ada"))
                .andExpect(jsonPath("$.roles[0]").value("ADMIN"))
                .andExpect(jsonPath("$.roles[1]").value("VIEWER"));
    }
}
