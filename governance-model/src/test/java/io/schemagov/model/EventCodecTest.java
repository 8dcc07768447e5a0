package io.schemagov.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void dataChangeEventsAreTheBytesAvroItselfWrites() throws Exception {
        DataChangeEvent linked = row(3, "x".repeat(10));
        linked.setActor(DataActor.newBuilder().setDeclared("alice").setRole("app").setApplication("billing")
                .setClientAddress("10.0.0.7").build());
        linked.setChain(AuditLink.newBuilder().setSequence(7).setPreviousHash("ab".repeat(32)).setHash("cd".repeat(32))
                .build());
        DataChangeEvent deleted = row(4, "y");
        deleted.setOperation(Operation.DELETE);
        deleted.setAfter(null);

        for (DataChangeEvent event : List.of(row(1, "plain"), linked, deleted)) {
            assertThat(EventCodec.encode(event)).isEqualTo(avro(event.toByteBuffer()));
            assertThat(EventCodec.decodeDataChange(EventCodec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void messagesLargerThanTheBufferAndAfterAHugeOneAreWhole() throws Exception {
        DataChangeEvent huge = row(1, "z".repeat(3_000_000));
        DataChangeEvent small = row(2, "small");

        assertThat(EventCodec.encode(huge)).isEqualTo(avro(huge.toByteBuffer()));
        assertThat(EventCodec.encode(small)).isEqualTo(avro(small.toByteBuffer()));
        assertThat(EventCodec.encode(huge)).hasSizeGreaterThan(3_000_000);
    }

    @Test
    void threadsEncodingAtOnceDoNotMixTheirMessages() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread * 1_000;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        DataChangeEvent event = row(offset + i, "v" + (offset + i));
                        if (!EventCodec.decodeDataChange(EventCodec.encode(event)).equals(event)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void otherEventsAreTheBytesAvroItselfWrites() throws Exception {
        SourceHealthEvent health = SourceHealthEvent.newBuilder().setDatabase("orders").setSlot("schemagov_orders")
                .setLagBytes(10).setThresholdBytes(100).setObservedAt(Instant.parse("2026-12-08T10:00:00Z")).build();

        assertThat(EventCodec.encode(health)).isEqualTo(avro(health.toByteBuffer()));
    }

    private static DataChangeEvent row(long id, String label) {
        Map<String, String> after = new LinkedHashMap<>();
        after.put("id", Long.toString(id));
        after.put("label", label);
        after.put("note", null);
        return DataChangeEvent.newBuilder()
                .setSource(SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase("orders")
                        .setPosition(String.format("00000000/%08X", id)).setTransactionId(42L)
                        .setCommitTime(Instant.parse("2026-12-08T10:00:00.123Z")).build())
                .setSchemaName("public").setTableName("ledger").setOperation(Operation.INSERT)
                .setKey(Map.of("id", Long.toString(id))).setBefore(null).setAfter(after)
                .setMaskedColumns(List.of("note")).setEventTime(Instant.parse("2026-12-08T10:00:00.123Z")).build();
    }

    private static byte[] avro(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
