package io.schemagov.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.EventCodec;
import io.schemagov.model.SchemaChangeEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transform turns Debezium's records into our events, drops what carries none, and replays links identically. */
class SchemagovTransformTest {

    private static final Schema SOURCE = SchemaBuilder.struct().field("schema", Schema.OPTIONAL_STRING_SCHEMA)
            .field("table", Schema.OPTIONAL_STRING_SCHEMA).field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA).field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .field("sequence", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema ROW = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA).optional().build();
    private static final Schema KEY = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
    private static final Schema ROW_ENVELOPE = SchemaBuilder.struct().field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA).field("before", ROW).field("after", ROW).build();
    private static final Schema MESSAGE = SchemaBuilder.struct().field("prefix", Schema.STRING_SCHEMA)
            .field("content", Schema.OPTIONAL_BYTES_SCHEMA).build();
    private static final Schema MESSAGE_ENVELOPE = SchemaBuilder.struct().field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA).field("message", MESSAGE).build();
    private static final Schema HEARTBEAT = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();

    @TempDir
    Path dir;
    private SchemagovTransform transform;

    @AfterEach
    void close() {
        transform.close();
    }

    private SchemagovTransform started() {
        SchemagovTransform started = new SchemagovTransform();
        Map<String, String> settings = new HashMap<>();
        settings.put("source.name", "shop");
        settings.put("audit.journal", dir.resolve("shop.audit-journal").toString());
        settings.put("masking.sensitive-columns", "public.customers.email");
        started.configure(settings);
        return started;
    }

    @Test
    void aTombstoneAHeartbeatAndARecordWithoutSourceAreDropped() {
        transform = started();
        SourceRecord tombstone = new SourceRecord(Map.of(), Map.of(), "shop.public.customers", null, KEY,
                new Struct(KEY).put("id", 1L), null, null);
        SourceRecord heartbeat = new SourceRecord(Map.of("server", "shop"), Map.of("lsn", 5L), "__debezium-heartbeat.shop",
                HEARTBEAT, new Struct(HEARTBEAT).put("ts_ms", 1L));
        SourceRecord unknown = new SourceRecord(Map.of(), Map.of(), "other", Schema.STRING_SCHEMA, "text");

        assertThat(transform.apply(tombstone)).isNull();
        assertThat(transform.apply(heartbeat)).isNull();
        assertThat(transform.apply(unknown)).isNull();
    }

    @Test
    void anActorNoteIsDroppedAndItsActorRidesOnTheTransactionsRows() {
        transform = started();
        String actor = "{\"role\":\"app\",\"declared\":\"alice\"}";

        assertThat(transform.apply(message("schemagov.actor", actor, 90))).isNull();
        DataChangeEvent row = EventCodec.decodeDataChange((byte[]) transform.apply(insert(1, 100)).value());

        assertThat(row.getActor().getDeclared()).isEqualTo("alice");
    }

    @Test
    void aCaptureMessageBecomesASchemaChangeWithBytesKeyAndValue() {
        transform = started();
        SourceRecord ddl = message("schemagov.ddl", "{\"commandTag\":\"CREATE TABLE\",\"objects\":[{\"objectType\":\"table\","
                + "\"schemaName\":\"public\",\"objectIdentity\":\"public.t\"}],\"statement\":\"CREATE TABLE public.t (id int)\"}", 200);

        SourceRecord out = transform.apply(ddl);

        assertThat(out.topic()).isEqualTo("schemagov.schema-changes");
        assertThat(out.kafkaPartition()).isNull();
        assertThat(out.keySchema()).isEqualTo(Schema.BYTES_SCHEMA);
        assertThat(new String((byte[]) out.key(), StandardCharsets.UTF_8)).isEqualTo("shop/public.t");
        assertThat(out.sourceOffset()).isEqualTo(ddl.sourceOffset());
        assertThat(out.headers().isEmpty()).isTrue();
        SchemaChangeEvent event = EventCodec.decodeSchemaChange((byte[]) out.value());
        assertThat(event.getStatement()).isEqualTo("CREATE TABLE public.t (id int)");
        assertThat(event.getSource().getDatabase()).isEqualTo("shop");
    }

    @Test
    void anUnreadableCaptureMessageGoesToTheDeadLettersWithItsReasonInByteHeaders() {
        transform = started();

        SourceRecord out = transform.apply(message("schemagov.ddl", "garbage", 300));

        assertThat(out.topic()).isEqualTo("schemagov.dlt");
        assertThat(out.value()).isEqualTo("garbage".getBytes(StandardCharsets.UTF_8));
        Header reason = out.headers().lastWithName("schemagov.dlt.reason");
        assertThat(reason.schema()).isEqualTo(Schema.BYTES_SCHEMA);
        assertThat(new String((byte[]) reason.value(), StandardCharsets.UTF_8)).startsWith("unreadable DDL capture message");
    }

    @Test
    void anAuditedRowLeavesMaskedAndLinked() {
        transform = started();

        DataChangeEvent row = EventCodec.decodeDataChange((byte[]) transform.apply(insert(1, 100)).value());

        assertThat(row.getAfter().get("email")).isEqualTo("****");
        assertThat(row.getChain().getSequence()).isEqualTo(1);
    }

    @Test
    void afterAWorkerCrashARedeliveredRowGetsItsOwnLinkAgainAndTheNextRowGoesOnFromIt() {
        transform = started();
        DataChangeEvent first = decode(transform.apply(insert(1, 100)));
        DataChangeEvent second = decode(transform.apply(insert(2, 110)));
        transform.close(); // the worker dies before Connect committed the offsets of both

        transform = started();
        DataChangeEvent firstAgain = decode(transform.apply(insert(1, 100)));
        DataChangeEvent secondAgain = decode(transform.apply(insert(2, 110)));
        DataChangeEvent third = decode(transform.apply(insert(3, 120)));

        assertThat(firstAgain.getChain()).isEqualTo(first.getChain());
        assertThat(secondAgain.getChain()).isEqualTo(second.getChain());
        assertThat(third.getChain().getSequence()).isEqualTo(3);
        assertThat(third.getChain().getPreviousHash()).isEqualTo(second.getChain().getHash());
    }

    private static DataChangeEvent decode(SourceRecord record) {
        return EventCodec.decodeDataChange((byte[]) record.value());
    }

    private static Struct source(long lsn, String table) {
        return new Struct(SOURCE).put("schema", "public").put("table", table).put("lsn", lsn).put("txId", 7L)
                .put("ts_ms", 1_763_632_800_000L).put("sequence", "[\"50\",\"" + lsn + "\"]");
    }

    private static SourceRecord insert(long id, long lsn) {
        Struct value = new Struct(ROW_ENVELOPE).put("source", source(lsn, "customers")).put("op", "c")
                .put("after", new Struct(ROW).put("id", id).put("email", "user" + id + "@example.org"));
        return new SourceRecord(Map.of("server", "shop"), Map.of("lsn", lsn), "shop.public.customers", null, KEY,
                new Struct(KEY).put("id", id), ROW_ENVELOPE, value);
    }

    private static SourceRecord message(String prefix, String content, long lsn) {
        Struct value = new Struct(MESSAGE_ENVELOPE).put("source", source(lsn, "")).put("op", "m")
                .put("message", new Struct(MESSAGE).put("prefix", prefix).put("content", content.getBytes(StandardCharsets.UTF_8)));
        return new SourceRecord(Map.of("server", "shop"), Map.of("lsn", lsn), "shop.message", null, null, null,
                MESSAGE_ENVELOPE, value);
    }
}
