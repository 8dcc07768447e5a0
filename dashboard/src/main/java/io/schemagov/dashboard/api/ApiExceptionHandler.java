package io.schemagov.dashboard.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns failures into a JSON {@link ErrorBody} whose HTTP status comes from its {@link ErrorKind};
 * rarer Spring MVC protocol errors (406, 415, ...) keep Spring's own handling.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException e) {
        if (e.kind() == ErrorKind.SEARCH_UNAVAILABLE) {
            // Only the cause's summary: a full trace per request would flood the log during an outage.
            log.warn("Elasticsearch request failed: {}", e.getCause() == null ? "unknown" : e.getCause().toString());
        }
        return respond(e.kind(), e.getMessage(), e.parameter());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
        return respond(ErrorKind.NOT_FOUND, "no such resource: /" + e.getResourcePath(), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return respond(ErrorKind.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) throws Exception {
        if (e instanceof ErrorResponse) {
            // Other Spring MVC failures (406, 415, ...) carry their own status; rethrowing hands
            // them back to Spring's default resolver instead of turning them into 500s.
            throw e;
        }
        log.error("Unexpected error while serving a request", e);
        return respond(ErrorKind.INTERNAL, "unexpected error; see the dashboard log", null);
    }

    private static ResponseEntity<ErrorBody> respond(ErrorKind kind, String message, String parameter) {
        return ResponseEntity.status(kind.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(kind, message, parameter));
    }
}
