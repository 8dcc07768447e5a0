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

        IndexOperation.Put put = (IndexOperation.Put) new AuditDocuments().of(linked, Instant.now());
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> stored = json.readValue(json.writeValueAsString(put.document()), new TypeReference<>() { });

        assertThat(stored).extractingByKey("chain").isEqualTo(Map.of("sequence", 4, "previousHash", "previous",
                "hash", hash));
        assertThat(AuditChain.hash(AuditFacts.of(stored), 4, "previous")).isEqualTo(hash);
    }
}
