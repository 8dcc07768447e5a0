package io.schemagov.ingest.connect;

import io.schemagov.ingest.mapping.AuditChains;
import io.schemagov.ingest.mapping.ChangeRecordMapper;
import io.schemagov.ingest.mapping.OutboundRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Runs the ingest's own mapping inside a Kafka Connect worker: each record of the Debezium PostgreSQL connector
 * leaves as the event the embedded ingest would produce (our topic, key and Avro value as bytes, headers), with
 * sensitive columns masked and audit chains linked, or is dropped (heartbeats, tombstones, actor notes). So no
 * unmasked row reaches Kafka and the analyzer reads the same topics in both modes. The connector must use
 * {@code ByteArrayConverter} for keys, values and headers.
 */
public final class SchemagovTransform implements Transformation<SourceRecord>, Versioned {

    private ChangeRecordMapper mapper;
    private AuditChains chains;

    @Override
    public void configure(Map<String, ?> settings) {
        TransformSettings parsed = TransformSettings.parse(settings);
        chains = AuditChains.journaled(parsed.auditJournal(), parsed.replayWindow());
        mapper = new ChangeRecordMapper(parsed.source(), parsed.topics(), parsed.masking(), chains);
    }

    /** The record as our event, or null (Connect's "drop") when it carries none. */
    @Override
    public SourceRecord apply(SourceRecord record) {
        List<OutboundRecord> mapped = mapper.map(record);
        if (mapped.isEmpty()) {
            return null;
        }
        if (mapped.size() > 1) {
            // A Debezium record carries one change or message; a Connect transform can hand on only one record.
            throw new DataException("record at " + record.sourceOffset() + " maps to " + mapped.size() + " events");
        }
        OutboundRecord event = mapped.get(0);
        ConnectHeaders headers = new ConnectHeaders();
        event.headers().forEach((name, value) -> headers.addBytes(name, value.getBytes(StandardCharsets.UTF_8)));
        return record.newRecord(event.topic(), null, Schema.BYTES_SCHEMA, event.key().getBytes(StandardCharsets.UTF_8),
                Schema.BYTES_SCHEMA, event.value(), record.timestamp(), headers);
    }

    @Override
    public String version() {
        String version = SchemagovTransform.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    @Override
    public ConfigDef config() {
        return TransformSettings.DEFINITION;
    }

    @Override
    public void close() {
        if (chains != null) {
            chains.close();
        }
    }
}
