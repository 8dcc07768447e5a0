package io.schemagov.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static AuditFacts facts(int i, String balance) {
        return new AuditFacts("shop", "public.accounts", "UPDATE", String.format("00000000/%08X", i), 42L + i,
                Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:00:00.123Z"),
                Map.of("id", "7"), Map.of("id", "7", "balance", "1.00"), Map.of("id", "7", "balance", balance),
                List.of("email"), Map.of("declared", "alice", "role", "app"));
    }

    /** A chain of n records as the ingest writes it. */
    private static List<ChainedRecord> chain(int n) {
        List<ChainedRecord> records = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditFacts facts = facts(i, i + ".00");
            String hash = AuditChain.hash(facts, i, previous);
            records.add(new ChainedRecord("r" + i, i, previous, hash, () -> facts));
            previous = hash;
        }
        return records;
    }

    @Test
    void anUntouchedChainVerifies() {
        assertThat(AuditChain.verify(chain(5), null)).isEqualTo(new ChainVerification(true, 5, null, null, null));
    }

    @Test
    void anAlteredRecordIsTheFirstBreak() {
        List<ChainedRecord> records = chain(5);
        ChainedRecord third = records.get(2);
        records.set(2, new ChainedRecord(third.id(), third.sequence(), third.previousHash(), third.hash(),
                () -> facts(3, "1000000.00")));

        ChainVerification verdict = AuditChain.verify(records, null);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.checked()).isEqualTo(2);
        assertThat(verdict.brokenSequence()).isEqualTo(3L);
        assertThat(verdict.brokenRecordId()).isEqualTo("r3");
        assertThat(verdict.reason()).contains("altered");
    }

    @Test
    void aRecordRehashedAfterEditingBreaksTheLinkToItsSuccessor() {
        List<ChainedRecord> records = chain(4);
        AuditFacts forged = facts(2, "999.00");
        ChainedRecord second = records.get(1);
        records.set(1, new ChainedRecord("r2", 2, second.previousHash(),
                AuditChain.hash(forged, 2, second.previousHash()), () -> forged));

        ChainVerification verdict = AuditChain.verify(records, null);

        assertThat(verdict.brokenSequence()).isEqualTo(3L);
        assertThat(verdict.reason()).contains("previous hash does not match the hash of record 2");
    }

    @Test
    void aRemovedRecordIsReportedAsMissing() {
        List<ChainedRecord> records = chain(5);
        records.remove(1);

        assertThat(AuditChain.verify(records, null).reason()).isEqualTo("sequence 2 missing before this record");
    }

    @Test
    void aStretchFromTheMiddleVerifiesAgainstTheRecordBeforeIt() {
        List<ChainedRecord> records = chain(6);

        assertThat(AuditChain.verify(records.subList(3, 6), records.get(2)).intact()).isTrue();
        assertThat(AuditChain.verify(records.subList(3, 6), records.get(1)).intact()).isFalse();
    }

    @Test
    void aFieldOfTheWrongShapeIsABreakNotACrash() {
        List<ChainedRecord> records = chain(2);
        ChainedRecord first = records.get(0);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("transactionId", "not a number");
        records.set(0, new ChainedRecord("r1", 1, first.previousHash(), first.hash(), () -> AuditFacts.of(document)));

        ChainVerification verdict = AuditChain.verify(records, null);

        assertThat(verdict.brokenSequence()).isEqualTo(1L);
        assertThat(verdict.reason()).contains("wrong shape");
    }

    @Test
    void theHashDependsOnContentAndPlaceButNotOnColumnOrder() {
        AuditFacts facts = facts(1, "2.00");
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("balance", "2.00");
        reordered.put("id", "7");
        AuditFacts same = new AuditFacts(facts.database(), facts.table(), facts.operation(), facts.position(),
                facts.transactionId(), facts.commitTime(), facts.eventTime(), facts.key(), facts.before(), reordered,
                facts.maskedColumns(), facts.actor());

        assertThat(AuditChain.hash(same, 1, "x")).isEqualTo(AuditChain.hash(facts, 1, "x"));
        assertThat(AuditChain.hash(facts, 2, "x")).isNotEqualTo(AuditChain.hash(facts, 1, "x"));
        assertThat(AuditChain.hash(facts, 1, "y")).isNotEqualTo(AuditChain.hash(facts, 1, "x"));
        assertThat(AuditChain.hash(facts(1, "2.0"), 1, "x")).isNotEqualTo(AuditChain.hash(facts, 1, "x"));
    }
}
