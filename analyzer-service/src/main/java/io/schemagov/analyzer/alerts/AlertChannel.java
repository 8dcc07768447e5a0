package io.schemagov.analyzer.alerts;

/** A place alerts go. One attempt per call: retries are the caller's business. */
interface AlertChannel extends AutoCloseable {

    /** Whether the channel can tell its readers that an alerted finding was resolved or acknowledged. */
    boolean supportsResolution();

    /** @throws DeliveryException when the channel did not take the message */
    void send(AlertMessage message) throws DeliveryException;

    @Override
    default void close() {
    }
}
