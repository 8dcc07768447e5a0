package io.schemagov.ingest.mapping;

/** The Kafka topics the ingest writes to. */
public record Topics(String schemaChanges, String dataChanges, String deadLetters) {
}
