package io.schemagov.ingest.mapping;

import io.schemagov.model.AuditLink;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.audit.AuditChain;
import io.schemagov.model.audit.AuditFacts;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Links each audited row change of one source into its table's hash chain (see {@link AuditChain}), after
 * masking, in the order the source committed them. The last link of every table is kept in a file next to
 * Debezium's offsets and written only once Kafka acknowledged the records it covers, so that:
 * <ul>
 * <li>a change Debezium delivers again after a restart, and that is already in Kafka with its link, is not
 * linked a second time (it is recognised by its position in the log, which only grows);</li>
 * <li>a change in Kafka whose link was not yet saved is linked again identically, since the link depends only
 * on the change and the saved chain, and overwrites its own audit record downstream.</li>
 * </ul>
 */
public final class AuditChains {

    /** A table's last link and the log position of the change it covers. */
    record Link(long sequence, String hash, long commitLsn, long lsn) {

        boolean isAtOrAfter(long otherCommitLsn, long otherLsn) {
            return commitLsn > otherCommitLsn || (commitLsn == otherCommitLsn && lsn >= otherLsn);
        }
    }

    private final Path file;
    private final Map<String, Link> saved = new HashMap<>();
    private final Map<String, Link> pending = new HashMap<>();

    private AuditChains(Path file) {
        this.file = file;
    }

    /**
     * The chains of a source as last saved in {@code file}, or new ones when it does not exist.
     *
     * @throws IllegalStateException naming the file when it cannot be read: silently starting new chains would
     *                               hide a gap from the auditors
     */
    public static AuditChains load(Path file) {
        AuditChains chains = new AuditChains(file);
        if (!Files.exists(file)) {
            return chains;
        }
        Properties stored = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stored.load(in);
            for (String table : stored.stringPropertyNames()) {
                String[] parts = stored.getProperty(table).split(" ");
                chains.saved.put(table, new Link(Long.parseLong(parts[0]), parts[1], Long.parseLong(parts[2]),
                        Long.parseLong(parts[3])));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the audit chain state " + file + " (" + e
                    + "); restore it from a backup, or move it away to start new chains, which the audit "
                    + "verification will then show as a new genesis", e);
        }
        return chains;
    }

    /**
     * The change with its link, or empty when it was linked and saved before (a repeat after a restart).
     *
     * @param commitLsn the last commit position before the change's transaction, as Debezium orders changes
     * @param lsn       the change's own position
     */
    Optional<DataChangeEvent> link(DataChangeEvent event, long commitLsn, long lsn) {
        String table = event.getSchemaName() + "." + event.getTableName();
        Link last = pending.getOrDefault(table, saved.get(table));
        if (last != null && last.isAtOrAfter(commitLsn, lsn)) {
            return Optional.empty();
        }
        long sequence = last == null ? 1 : last.sequence() + 1;
        String previous = last == null ? AuditChain.GENESIS : last.hash();
        String hash = AuditChain.hash(AuditFacts.of(event), sequence, previous);
        pending.put(table, new Link(sequence, hash, commitLsn, lsn));
        return Optional.of(DataChangeEvent.newBuilder(event)
                .setChain(AuditLink.newBuilder().setSequence(sequence).setPreviousHash(previous).setHash(hash).build())
                .build());
    }

    /** Kafka acknowledged everything linked since the last save: make the links durable. */
    void save() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Link> all = new HashMap<>(saved);
        all.putAll(pending);
        Properties stored = new Properties();
        all.forEach((table, link) -> stored.setProperty(table,
                link.sequence() + " " + link.hash() + " " + link.commitLsn() + " " + link.lsn()));
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                stored.store(out, "last audit chain link per table; see AuditChains");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the audit chain state " + file, e);
        }
        saved.putAll(pending);
        pending.clear();
    }

    /** The batch was not acknowledged: forget its links, Debezium delivers it again. */
    void discard() {
        pending.clear();
    }
}
