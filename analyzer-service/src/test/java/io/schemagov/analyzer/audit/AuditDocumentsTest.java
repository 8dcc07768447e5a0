package io.schemagov.analyzer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.model.AuditLink;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.Operation;
import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import io.schemagov.model.audit.AuditChain;
import io.schemagov.model.audit.AuditFacts;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditDocumentsTest {

    @Test
    void theIndexedDocumentStillProvesItsChainLink() throws Exception {
        Map<String, String> before = new HashMap<>(Map.of("id", "9", "balance", "1.00"));
        before.put("note", null);
        DataChangeEvent unlinked = DataChangeEvent.newBuilder()
                .setSource(SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase("shop")
                        .setPosition("00000000/00000700").setTransactionId(123_456_789_012L)
                        .setCommitTime(Instant.parse("2026-11-20T10:00:00.250Z")).build())
                .setSchemaName("public").setTableName("accounts").setOperation(Operation.UPDATE)
                .setKey(Map.of("id", "9")).setBefore(before).setAfter(Map.of("id", "9", "balance", "2.00"))
                .setMaskedColumns(java.util.List.of("email"))
                .setEventTime(Instant.parse("2026-11-20T10:00:00.250Z")).build();
        String hash = AuditChain.hash(AuditFacts.of(unlinked), 4, "previous");
        DataChangeEvent linked = DataChangeEvent.newBuilder(unlinked)
                .setChain(AuditLink.newBuilder().setSequence(4).setPreviousHash("previous").setHash(hash).build()).build();

        IndexOperation.PutJson put = (IndexOperation.PutJson) new AuditDocuments().of(linked, Instant.now());
        Map<String, Object> stored = new ObjectMapper().readValue(put.json(), new TypeReference<>() { });

        assertThat(stored).extractingByKey("chain").isEqualTo(Map.of("sequence", 4, "previousHash", "previous",
                "hash", hash));
        assertThat(AuditChain.hash(AuditFacts.of(stored), 4, "previous")).isEqualTo(hash);
    }

    @Test
    void anInsertIsStoredWithEveryFieldAnAuditorSearchesUnderAnIdThatGrowsWithTheLog() throws Exception {
        Map<String, String> after = new java.util.LinkedHashMap<>();
        after.put("id", "7");
        after.put("email", "***");
        after.put("note", "line \"one\"\nline two");
        after.put("closed_at", null);
        DataChangeEvent insert = DataChangeEvent.newBuilder()
                .setSource(SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase("Shop-EU")
                        .setPosition("00000000/016B3748").setTransactionId(null).setCommitTime(null).build())
                .setSchemaName("public").setTableName("customers").setOperation(Operation.INSERT)
                .setKey(Map.of("id", "7")).setBefore(null).setAfter(after)
                .setMaskedColumns(java.util.List.of("email"))
                .setEventTime(Instant.parse("2026-12-07T23:59:59.999Z")).build();

        IndexOperation.PutJson put = (IndexOperation.PutJson) new AuditDocuments().of(insert, Instant.parse("2026-12-08T00:00:01Z"));
        Map<String, Object> stored = new ObjectMapper().readValue(put.json(), new TypeReference<>() { });

        assertThat(put.index()).isEqualTo("schemagov-audit-shop-eu-2026.12.07");
        assertThat(put.id()).startsWith("00000000/016B3748~");
        assertThat(stored).containsEntry("database", "Shop-EU").containsEntry("sourceKind", "POSTGRESQL")
                .containsEntry("schema", "public").containsEntry("table", "public.customers")
                .containsEntry("operation", "INSERT").containsEntry("key", Map.of("id", "7"))
                .containsEntry("before", null).containsEntry("after", after)
                .containsEntry("changedColumns", java.util.List.of("id", "email", "note", "closed_at"))
                .containsEntry("values", java.util.List.of("id=7", "email=***", "note=line \"one\"\nline two", "closed_at=null"))
                .containsEntry("maskedColumns", java.util.List.of("email"))
                .containsEntry("position", "00000000/016B3748").containsEntry("transactionId", null)
                .containsEntry("eventTime", "2026-12-07T23:59:59.999Z").containsEntry("commitTime", null)
                .containsEntry("indexedAt", "2026-12-08T00:00:01Z").containsEntry("actorKnown", false)
                .doesNotContainKey("chain");
        assertThat(AuditFacts.of(stored)).isEqualTo(AuditFacts.of(insert));
    }

    @Test
    void recordsOfOneBatchKeepTheirOwnTimesAndDays() throws Exception {
        AuditDocuments.Batch batch = new AuditDocuments().batch(Instant.parse("2026-12-08T00:00:05Z"));
        String[][] rows = {
                {"shop", "2026-12-07T23:59:59.999Z", "2026-12-07T23:59:59.999Z"},
                {"shop", "2026-12-07T23:59:59.999Z", "2026-12-07T23:59:59.999Z"},
                {"shop", "2026-12-08T00:00:00Z", "2026-12-08T00:00:00.001Z"},
                {"billing", "2026-12-08T00:00:00Z", "2026-12-08T00:00:00.001Z"},
                {"shop", "2026-12-08T00:00:00Z", null}};
        for (String[] row : rows) {
            DataChangeEvent event = DataChangeEvent.newBuilder()
                    .setSource(SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase(row[0])
                            .setPosition("00000000/00000001").setTransactionId(1L)
                            .setCommitTime(row[2] == null ? null : Instant.parse(row[2])).build())
                    .setSchemaName("public").setTableName("t").setOperation(Operation.DELETE)
                    .setKey(Map.of("id", "1")).setBefore(Map.of("id", "1")).setAfter(null)
                    .setMaskedColumns(java.util.List.of()).setEventTime(Instant.parse(row[1])).build();

            IndexOperation.PutJson put = (IndexOperation.PutJson) batch.of(event);
            Map<String, Object> stored = new ObjectMapper().readValue(put.json(), new TypeReference<>() { });

            assertThat(put.index()).isEqualTo("schemagov-audit-" + row[0] + "-" + row[1].substring(0, 10).replace('-', '.'));
            assertThat(stored).containsEntry("eventTime", row[1]).containsEntry("commitTime", row[2])
                    .containsEntry("indexedAt", "2026-12-08T00:00:05Z");
        }
    }
}
