package io.schemagov.dashboard.findings;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.schemagov.dashboard.api.ApiException;
import java.net.ConnectException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of errors, with the Elasticsearch side replaced by a mock. */
@WebMvcTest(controllers = {FindingsController.class, DatabasesController.class})
@WithMockUser(roles = "VIEWER")
class FindingsApiErrorsTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private FindingSearch search;

    @MockitoBean
    private FindingTriage triage;

    @Test
    void answers400NamingTheParameterForAnUnknownSeverity() throws Exception {
        mvc.perform(get("/api/findings").param("severity", "SEVERE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("bad_parameter"))
                .andExpect(jsonPath("$.parameter").value("severity"))
                .andExpect(jsonPath("$.message").value(containsString("severity")));
    }

    @Test
    void answers400ForASizeOutOfRange() throws Exception {
        mvc.perform(get("/api/findings").param("size", "501"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("size"));
    }

    @Test
    void answers400ForAMalformedCursor() throws Exception {
        mvc.perform(get("/api/findings").param("after", "not-a-cursor"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("after"));
    }

    @Test
    void answers404WithAJsonBodyForAnUnknownFinding() throws Exception {
        when(search.byId("nope")).thenReturn(Optional.empty());

        mvc.perform(get("/api/findings/nope"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"))
                .andExpect(jsonPath("$.message").value(containsString("nope")));
    }

    @Test
    void answers503WithoutAStackTraceWhenElasticsearchIsUnreachable() throws Exception {
        when(search.page(any())).thenThrow(ApiException.searchUnavailable(new ConnectException("Connection refused")));

        mvc.perform(get("/api/findings"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value("search_unavailable"))
                .andExpect(content().string(not(containsString("ConnectException"))))
                .andExpect(content().string(not(containsString("\tat "))));
    }

    @Test
    void answers500WithAGenericMessageForUnexpectedFailures() throws Exception {
        when(search.databases()).thenThrow(new IllegalStateException("secret internals"));

        mvc.perform(get("/api/databases"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.error").value("internal_error"))
                .andExpect(content().string(not(containsString("secret internals"))));
    }

    @Test
    void answers405ForAWrongMethod() throws Exception {
        mvc.perform(post("/api/findings").with(csrf()).with(user("ada").roles("VIEWER", "ADMIN")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error").value("method_not_allowed"));
    }

    @Test
    void answers404WithAJsonBodyForAnUnknownPath() throws Exception {
        mvc.perform(get("/no-such-page.html"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"));
    }

    @Test
    void leavesOtherProtocolErrorsToSpringInsteadOfAnswering500() throws Exception {
        mvc.perform(get("/api/databases").accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable());
    }

    @Test
    void listsDatabasesUnderADatabasesField() throws Exception {
        when(search.databases()).thenReturn(List.of("billing", "orders"));

        mvc.perform(get("/api/databases"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.databases[0]").value("billing"))
                .andExpect(jsonPath("$.databases[1]").value("orders"));
    }

    @Test
    void sendsAStrictContentSecurityPolicy() throws Exception {
        when(search.databases()).thenReturn(List.of());

        mvc.perform(get("/api/databases"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }
}
