package io.schemagov.model;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;

/**
 * Writes records in Avro's single-object encoding, the bytes {@code toByteBuffer()} of a generated record gives, at a
 * lower cost: Avro's own encoder writes each byte to a synchronized {@code ByteArrayOutputStream} one call at a
 * time, which cost the ingest more than the rest of a row's encoding. Here a buffered encoder fills a growable
 * buffer kept per thread, and only the finished message is copied out.
 */
final class SingleObjectEncoder<T> {

    /** Avro's marker of single-object encoding, version 1. */
    private static final byte[] MARKER = {(byte) 0xC3, (byte) 0x01};

    private final byte[] header;
    private final ThreadLocal<Session<T>> sessions;

    @SuppressWarnings("unchecked")
    SingleObjectEncoder(Schema schema, SpecificData model) {
        byte[] fingerprint;
        try {
            fingerprint = SchemaNormalization.parsingFingerprint("CRC-64-AVRO", schema);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Avro's own fingerprint is missing", e); // built into Avro: does not happen
        }
        this.header = Arrays.copyOf(MARKER, MARKER.length + fingerprint.length);
        System.arraycopy(fingerprint, 0, header, MARKER.length, fingerprint.length);
        this.sessions = ThreadLocal.withInitial(() -> new Session<>((DatumWriter<T>) model.createDatumWriter(schema)));
    }

    byte[] encode(T record) throws IOException {
        Session<T> session = sessions.get();
        session.buffer.reset();
        session.buffer.write(header, 0, header.length);
        session.encoder = EncoderFactory.get().binaryEncoder(session.buffer, session.encoder);
        session.writer.write(record, session.encoder);
        session.encoder.flush();
        return session.buffer.toByteArray();
    }

    /** One thread's writer, encoder and buffer, reused from message to message. */
    private static final class Session<T> {
        final DatumWriter<T> writer;
        final Buffer buffer = new Buffer();
        BinaryEncoder encoder;

        Session(DatumWriter<T> writer) {
            this.writer = writer;
        }
    }

    /** A growable byte buffer without the locks of {@code ByteArrayOutputStream}. */
    private static final class Buffer extends OutputStream {
        private static final int INITIAL = 4096;
        /** A buffer grown past this by one large schema snapshot is not kept for the small messages after it. */
        private static final int KEPT = 1 << 20;
        private byte[] bytes = new byte[INITIAL];
        private int size;

        void reset() {
            size = 0;
            if (bytes.length > KEPT) {
                bytes = new byte[INITIAL];
            }
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
