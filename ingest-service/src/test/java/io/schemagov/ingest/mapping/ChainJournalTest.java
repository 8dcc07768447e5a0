package io.schemagov.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.Operation;
import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journaled chains (the Kafka Connect mode): durable as they are made, replayed identically, compacted. */
class ChainJournalTest {

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
    void aLinkIsDurableWithoutASaveAndARepeatGetsTheSameLink() {
        Path file = dir.resolve("shop.audit-journal");
        AuditChains chains = AuditChains.journaled(file, 10);
        DataChangeEvent first = chains.link(change("accounts", 100), 50, 100).orElseThrow();
        chains.close();

        AuditChains restarted = AuditChains.journaled(file, 10);

        assertThat(restarted.link(change("accounts", 100), 50, 100).orElseThrow().getChain()).isEqualTo(first.getChain());
        assertThat(restarted.link(change("accounts", 110), 50, 110).orElseThrow().getChain().getPreviousHash())
                .isEqualTo(first.getChain().getHash());
        restarted.close();
    }

    @Test
    void aRepeatOlderThanTheReplayWindowIsNotSentAgain() {
        AuditChains chains = AuditChains.journaled(dir.resolve("shop.audit-journal"), 2);
        for (long lsn = 100; lsn <= 130; lsn += 10) {
            chains.link(change("accounts", lsn), 50, lsn).orElseThrow();
        }

        assertThat(chains.link(change("accounts", 100), 50, 100)).isEmpty();
        assertThat(chains.link(change("accounts", 130), 50, 130)).isPresent();
        chains.close();
    }

    @Test
    void aTornLastLineFromACrashIsIgnored() throws Exception {
        Path file = dir.resolve("shop.audit-journal");
        AuditChains chains = AuditChains.journaled(file, 10);
        DataChangeEvent first = chains.link(change("accounts", 100), 50, 100).orElseThrow();
        chains.close();
        Files.writeString(file, "public.accounts\t2\tabc", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        AuditChains restarted = AuditChains.journaled(file, 10);
        DataChangeEvent second = restarted.link(change("accounts", 110), 50, 110).orElseThrow();

        assertThat(second.getChain().getSequence()).isEqualTo(2);
        assertThat(second.getChain().getPreviousHash()).isEqualTo(first.getChain().getHash());
        restarted.close();
    }

    @Test
    void aSecondTaskOnTheSameJournalIsRefused() {
        Path file = dir.resolve("shop.audit-journal");
        AuditChains first = AuditChains.journaled(file, 10);

        assertThatThrownBy(() -> AuditChains.journaled(file, 10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in use by another task");
        first.close();
        AuditChains.journaled(file, 10).close();
    }

    @Test
    void aDamagedLineInsideTheJournalStopsTheTransform() throws Exception {
        Path file = Files.writeString(dir.resolve("shop.audit-journal"), "public.accounts\tone\th\tg\t50\t100\npublic.accounts\t1\th\tg\t50\t100\n");

        assertThatThrownBy(() -> AuditChains.journaled(file, 10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 1 is not a link");
    }

    @Test
    void theJournalIsCompactedToTheReplayWindowAndKeepsTheChain() throws Exception {
        Path file = dir.resolve("shop.audit-journal");
        AuditChains chains = AuditChains.journaled(file, 3);
        DataChangeEvent last = null;
        for (long lsn = 100; lsn < 300; lsn += 10) {
            last = chains.link(change("accounts", lsn), 50, lsn).orElseThrow();
        }
        chains.close();

        assertThat(Files.readAllLines(file).size()).isLessThanOrEqualTo(6);
        AuditChains restarted = AuditChains.journaled(file, 3);
        DataChangeEvent next = restarted.link(change("accounts", 300), 50, 300).orElseThrow();
        assertThat(next.getChain().getSequence()).isEqualTo(last.getChain().getSequence() + 1);
        assertThat(next.getChain().getPreviousHash()).isEqualTo(last.getChain().getHash());
        restarted.close();
    }
}
