package io.schemagov.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Turns events into bytes for Kafka and back, in Avro's single-object encoding: every
 * message starts with the fingerprint of the schema that wrote it, so a reader can tell a
 * foreign or corrupt message from a valid one without a schema registry.
 */
public final class EventCodec {

    private static final SingleObjectEncoder<SchemaChangeEvent> schemaChangeEvents =
            new SingleObjectEncoder<>(SchemaChangeEvent.getClassSchema(), new SchemaChangeEvent().getSpecificData());
    private static final SingleObjectEncoder<DataChangeEvent> dataChangeEvents =
            new SingleObjectEncoder<>(DataChangeEvent.getClassSchema(), new DataChangeEvent().getSpecificData());
    private static final SingleObjectEncoder<AlertEvent> alertEvents =
            new SingleObjectEncoder<>(AlertEvent.getClassSchema(), new AlertEvent().getSpecificData());
    private static final SingleObjectEncoder<SourceHealthEvent> sourceHealthEvents =
            new SingleObjectEncoder<>(SourceHealthEvent.getClassSchema(), new SourceHealthEvent().getSpecificData());

    private EventCodec() {
    }

    public static byte[] encode(SchemaChangeEvent event) {
        try {
            return schemaChangeEvents.encode(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode schema change event", e);
        }
    }

    public static byte[] encode(DataChangeEvent event) {
        try {
            return dataChangeEvents.encode(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode data change event", e);
        }
    }

    public static byte[] encode(AlertEvent event) {
        try {
            return alertEvents.encode(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode alert event", e);
        }
    }

    public static byte[] encode(SourceHealthEvent event) {
        try {
            return sourceHealthEvents.encode(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode source health event", e);
        }
    }

    /** @throws MalformedEventException when the bytes are not a source health event, or one with a negative lag or threshold */
    public static SourceHealthEvent decodeSourceHealth(byte[] bytes) {
        requirePayload(bytes);
        SourceHealthEvent event;
        try {
            event = SourceHealthEvent.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a SourceHealthEvent: " + describe(e), e);
        }
        if (event.getLagBytes() < 0 || event.getThresholdBytes() <= 0 || event.getDatabase().isBlank()
                || event.getSlot().isBlank()) {
            throw new MalformedEventException("SourceHealthEvent out of range: lag " + event.getLagBytes() + ", threshold "
                    + event.getThresholdBytes() + ", database '" + event.getDatabase() + "', slot '" + event.getSlot() + "'", null);
        }
        return event;
    }

    /** @throws MalformedEventException when the bytes are not an alert event */
    public static AlertEvent decodeAlert(byte[] bytes) {
        requirePayload(bytes);
        try {
            return AlertEvent.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not an AlertEvent: " + describe(e), e);
        }
    }

    /** @throws MalformedEventException when the bytes are not a schema change event */
    public static SchemaChangeEvent decodeSchemaChange(byte[] bytes) {
        requirePayload(bytes);
        try {
            return SchemaChangeEvent.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a SchemaChangeEvent: " + describe(e), e);
        }
    }

    /** @throws MalformedEventException when the bytes are not a data change event */
    public static DataChangeEvent decodeDataChange(byte[] bytes) {
        requirePayload(bytes);
        try {
            return DataChangeEvent.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a DataChangeEvent: " + describe(e), e);
        }
    }

    private static void requirePayload(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEventException("empty message", null);
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
