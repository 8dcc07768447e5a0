package io.schemagov.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.Operation;
import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import io.schemagov.model.audit.AuditChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainsTest {

    @TempDir
    Path dir;

    private static DataChangeEvent change(String table, long lsn) {
        return DataChangeEvent.newBuilder()
                .setSource(SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase("shop")
                        .setPosition(Positions.formatLsn(lsn)).setTransactionId(7L).build())
                .setSchemaName("public").setTableName(table).setOperation(Operation.INSERT)
                .setKey(Map.of("id", String.valueOf(lsn))).setAfter(Map.of("id", String.valueOf(lsn)))
                .setEventTime(Instant.parse("2026-11-20T10:00:00Z")).build();
    }

    @Test
    void eachTableHasItsOwnChainStartingAtGenesis() {
        AuditChains chains = AuditChains.load(dir.resolve("shop.audit-chain"));

        DataChangeEvent first = chains.link(change("accounts", 100), 50, 100).orElseThrow();
        DataChangeEvent second = chains.link(change("accounts", 110), 50, 110).orElseThrow();
        DataChangeEvent other = chains.link(change("orders", 120), 50, 120).orElseThrow();

        assertThat(first.getChain().getSequence()).isEqualTo(1);
        assertThat(first.getChain().getPreviousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(second.getChain().getSequence()).isEqualTo(2);
        assertThat(second.getChain().getPreviousHash()).isEqualTo(first.getChain().getHash());
        assertThat(other.getChain().getSequence()).isEqualTo(1);
    }

    @Test
    void aChangeRepeatedAfterItsLinkWasSavedIsNotLinkedAgain() {
        Path file = dir.resolve("shop.audit-chain");
        AuditChains chains = AuditChains.load(file);
        chains.link(change("accounts", 100), 50, 100).orElseThrow();
        DataChangeEvent second = chains.link(change("accounts", 110), 50, 110).orElseThrow();
        chains.save();

        AuditChains restarted = AuditChains.load(file);

        assertThat(restarted.link(change("accounts", 110), 50, 110)).isEmpty();
        assertThat(restarted.link(change("accounts", 100), 50, 100)).isEmpty();
        DataChangeEvent third = restarted.link(change("accounts", 90), 115, 90).orElseThrow(); // a later transaction
        assertThat(third.getChain().getSequence()).isEqualTo(3);
        assertThat(third.getChain().getPreviousHash()).isEqualTo(second.getChain().getHash());
    }

    @Test
    void linksOfABatchKafkaDidNotAcknowledgeAreMadeAgainIdentically() {
        AuditChains chains = AuditChains.load(dir.resolve("shop.audit-chain"));
        DataChangeEvent once = chains.link(change("accounts", 100), 50, 100).orElseThrow();
        chains.discard();

        DataChangeEvent again = chains.link(change("accounts", 100), 50, 100).orElseThrow();

        assertThat(again.getChain()).isEqualTo(once.getChain());
    }

    @Test
    void anUnreadableStateFileStopsTheIngestInsteadOfStartingNewChains() throws Exception {
        Path file = Files.writeString(dir.resolve("shop.audit-chain"), "public.accounts=not a link\n");

        assertThatThrownBy(() -> AuditChains.load(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot read the audit chain state " + file);
    }
}
