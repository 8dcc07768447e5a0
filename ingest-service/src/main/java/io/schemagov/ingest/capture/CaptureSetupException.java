package io.schemagov.ingest.capture;

/** A monitored database is not ready for capture; the message says what to change. */
public class CaptureSetupException extends RuntimeException {

    public CaptureSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
