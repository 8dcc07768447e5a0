package io.schemagov.ingest.mapping;

import io.schemagov.ingest.binlog.BinlogSchemaChanges;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.EventCodec;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each Debezium record of one source: capture messages become schema change events,
 * row changes become data change events, heartbeats and tombstones are dropped on purpose,
 * and anything unreadable goes to the dead-letter topic with the reason.
 */
public final class ChangeRecordMapper {

    private static final Logger log = LoggerFactory.getLogger(ChangeRecordMapper.class);

    private final String database;
    private final Topics topics;
    private final DdlMessageReader ddlReader = new DdlMessageReader();
    private final DataChangeReader dataReader;
    private final AuditChains chains;
    private final TransactionActors actors = new TransactionActors();
    private final BinlogSchemaChanges binlogSchemaChanges;

    public ChangeRecordMapper(String database, Topics topics, ColumnMasking masking, AuditChains chains) {
        this(database, topics, masking, chains, null);
    }

    /** A mapper for a MariaDB/MySQL source, whose schema changes {@code binlogSchemaChanges} reads. */
    public ChangeRecordMapper(String database, Topics topics, ColumnMasking masking, AuditChains chains,
                              BinlogSchemaChanges binlogSchemaChanges) {
        this.database = database;
        this.topics = topics;
        this.dataReader = new DataChangeReader(masking);
        this.chains = chains;
        this.binlogSchemaChanges = binlogSchemaChanges;
    }

    /** Everything mapped since the last call is acknowledged by Kafka. */
    public void published() {
        chains.save();
    }

    /** Nothing mapped since the last {@link #published()} reached Kafka for sure; it will be delivered again. */
    public void notPublished() {
        chains.discard();
    }

    public List<OutboundRecord> map(SourceRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field("source") == null) {
            return List.of();
        }
        SourcePosition position = Positions.of(database, value);
        if (binlogSchemaChanges != null && BinlogSchemaChanges.isSchemaChange(value)) {
            return binlogDdl(value, position);
        }
        if (value.schema().field("message") != null) {
            Struct message = value.getStruct("message");
            if (TransactionActors.PREFIX.equals(message.getString("prefix"))) {
                return actor(message, position);
            }
            return List.of(ddl(message, position));
        }
        if (value.schema().field("op") != null && value.schema().field("after") != null) {
            DataChangeEvent read = actors.attach(dataReader.read((Struct) record.key(), value, position));
            long[] order = Positions.order(value);
            Optional<DataChangeEvent> event = chains.link(read, order[0], order[1]);
            if (event.isEmpty()) {
                log.debug("source '{}': change at {} is already in Kafka with its audit link", database,
                        position.getPosition());
                return List.of();
            }
            return List.of(OutboundRecord.of(topics.dataChanges(), PartitionKeys.of(database, event.get()),
                    EventCodec.encode(event.get())));
        }
        log.debug("ignoring record on {} without a change", record.topic());
        return List.of();
    }

    /** Notes the transaction's actor; a message that cannot be read goes to the dead letters, not to silence. */
    private List<OutboundRecord> actor(Struct message, SourcePosition position) {
        byte[] content = bytes(message.get("content"));
        try {
            actors.remember(position.getTransactionId(), content);
            return List.of();
        } catch (java.io.IOException e) {
            return List.of(deadLetter(content, position, "unreadable actor message: " + e.getMessage()));
        }
    }

    private OutboundRecord deadLetter(byte[] content, SourcePosition position, String reason) {
        log.warn("source '{}': {} at {} sent to {}", database, reason, position.getPosition(), topics.deadLetters());
        return new OutboundRecord(topics.deadLetters(), database + "/" + position.getPosition(), content, Map.of(
                "schemagov.dlt.reason", reason,
                "schemagov.dlt.stage", "ingest",
                "schemagov.dlt.source", database,
                "schemagov.dlt.position", position.getPosition()));
    }

    private OutboundRecord ddl(Struct message, SourcePosition position) {
        byte[] content = bytes(message.get("content"));
        try {
            SchemaChangeEvent event = ddlReader.read(content, position);
            return OutboundRecord.of(topics.schemaChanges(), PartitionKeys.of(database, event), EventCodec.encode(event));
        } catch (java.io.IOException | RuntimeException e) {
            return deadLetter(content, position, "unreadable DDL capture message: " + e.getMessage());
        }
    }

    private List<OutboundRecord> binlogDdl(Struct value, SourcePosition position) {
        try {
            return binlogSchemaChanges.read(value, position).map(event -> OutboundRecord.of(topics.schemaChanges(),
                    PartitionKeys.of(database, event), EventCodec.encode(event))).stream().toList();
        } catch (RuntimeException e) {
            byte[] content = String.valueOf(value.get("ddl")).getBytes(StandardCharsets.UTF_8);
            return List.of(deadLetter(content, position, "unreadable binlog schema change: " + e.getMessage()));
        }
    }


    private static byte[] bytes(Object content) {
        if (content instanceof byte[] array) {
            return array;
        }
        if (content instanceof ByteBuffer buffer) {
            byte[] array = new byte[buffer.remaining()];
            buffer.duplicate().get(array);
            return array;
        }
        return content == null ? new byte[0] : content.toString().getBytes(StandardCharsets.UTF_8);
    }
}
