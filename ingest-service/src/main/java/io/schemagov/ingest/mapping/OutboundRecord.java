package io.schemagov.ingest.mapping;

import java.util.Map;

/** A record ready for Kafka: topic, key, Avro payload and headers. */
public record OutboundRecord(String topic, String key, byte[] value, Map<String, String> headers) {

    public static OutboundRecord of(String topic, String key, byte[] value) {
        return new OutboundRecord(topic, key, value, Map.of());
    }
}
