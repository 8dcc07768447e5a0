package io.schemagov.ingest.metrics;

import io.schemagov.model.SourceHealthEvent;

/** Where the slot lag monitor hands the source health events it decided to report. */
@FunctionalInterface
public interface SourceHealthSink {

    /** Returns once the event is stored (Kafka acknowledged it); throws when it could not be. */
    void publish(SourceHealthEvent event) throws Exception;
}
