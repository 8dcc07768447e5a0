package io.schemagov.dashboard.api;

import org.springframework.http.HttpStatus;

/** Every kind of error the API reports, with its HTTP status and the code clients see in {@code error}. */
public enum ErrorKind {

    BAD_PARAMETER(HttpStatus.BAD_REQUEST, "bad_parameter"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not_found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed"),
    SEARCH_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "search_unavailable"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error");

    private final HttpStatus status;
    private final String code;

    ErrorKind(HttpStatus status, String code) {
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
