package io.schemagov.ingest.maintenance;

import io.schemagov.model.SchemaChangeEvent;

/** Where the maintenance monitor hands the events of the runs it saw. */
@FunctionalInterface
public interface SchemaChangeSink {

    /** Returns once the event is stored (Kafka acknowledged it); throws when it could not be. */
    void publish(SchemaChangeEvent event) throws Exception;
}
