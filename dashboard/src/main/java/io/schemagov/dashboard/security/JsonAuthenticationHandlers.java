package io.schemagov.dashboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.AuthenticationException;

/**
 * The security answers as the API's JSON errors: the login page and the scripts read them, so nothing here
 * redirects. Messages are fixed texts; no request value is echoed back.
 */
final class JsonAuthenticationHandlers {

    private JsonAuthenticationHandlers() {
    }

    static void loggedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        write(response, HttpServletResponse.SC_OK, "{\"status\":\"logged_in\"}");
    }

    static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        error(response, HttpServletResponse.SC_UNAUTHORIZED, "bad_credentials", "wrong user name or password");
    }

    static void loggedOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        write(response, HttpServletResponse.SC_OK, "{\"status\":\"logged_out\"}");
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        error(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "log in first: /login.html");
    }

    /** A page asked for without login: to the login page, which comes back here afterwards. */
    static void toLoginPage(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String next = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        response.sendRedirect(request.getContextPath() + "/login.html?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || user instanceof AnonymousAuthenticationToken) {
            // Refused before authentication (a missing CSRF token, say): the first thing to fix is the login.
            unauthorized(request, response, null);
            return;
        }
        error(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                "not allowed: this needs the admin role, or the request's CSRF token is missing");
    }

    private static void error(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        write(response, status, "{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }

    private static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json);
    }
}
