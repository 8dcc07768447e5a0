package io.schemagov.dashboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every API error: a stable code, a human message and, for bad input, the parameter. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, String parameter) {

    static ErrorBody of(ErrorKind kind, String message, String parameter) {
        return new ErrorBody(kind.code(), message, parameter);
    }
}
