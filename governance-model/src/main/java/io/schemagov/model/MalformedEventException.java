package io.schemagov.model;

/** A message that cannot be read as the event its topic carries: poison, never retried. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
