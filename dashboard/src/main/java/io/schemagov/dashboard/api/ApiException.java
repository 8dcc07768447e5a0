package io.schemagov.dashboard.api;

/** A failure the API reports to its client as a JSON error of the given kind. */
public class ApiException extends RuntimeException {

    private final ErrorKind kind;
    private final String parameter;

    ApiException(ErrorKind kind, String parameter, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.parameter = parameter;
    }

    /** A request parameter was malformed; the message is shown to the client and names the parameter. */
    public static ApiException badParameter(String parameter, String message) {
        return new ApiException(ErrorKind.BAD_PARAMETER, parameter, parameter + ": " + message, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorKind.NOT_FOUND, null, message, null);
    }

    /** Elasticsearch could not answer; the cause is logged, never sent to the client. */
    public static ApiException searchUnavailable(Throwable cause) {
        return new ApiException(ErrorKind.SEARCH_UNAVAILABLE, null,
                "the findings store (Elasticsearch) is not reachable; try again later", cause);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The offending request parameter, or null when the error is not about one. */
    public String parameter() {
        return parameter;
    }
}
