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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * On Kafka Connect ({@link #journaled}) no acknowledgement reaches the mapper: each link is appended to a journal
 * before its record is handed on, and a change delivered again is given the very link it had, as long as it is
 * among the last {@code replayWindow} links of its table.
 */
public final class AuditChains {

    private static final Logger log = LoggerFactory.getLogger(AuditChains.class);

    /** A table's last link and the log position of the change it covers; {@code previous} is kept by the journal only. */
    record Link(long sequence, String hash, String previous, long commitLsn, long lsn) {

        boolean isAt(long otherCommitLsn, long otherLsn) {
            return commitLsn == otherCommitLsn && lsn == otherLsn;
        }

        boolean isAtOrAfter(long otherCommitLsn, long otherLsn) {
            return commitLsn > otherCommitLsn || (commitLsn == otherCommitLsn && lsn >= otherLsn);
        }
    }

    private final Path file;
    private final Map<String, Link> saved = new HashMap<>();
    private final Map<String, Link> pending = new HashMap<>();
    /** Null for the embedded engine, which saves on acknowledgement. */
    private final ChainJournal journal;
    private final int replayWindow;
    private final Map<String, Deque<Link>> recent = new HashMap<>();

    private AuditChains(Path file, ChainJournal journal, int replayWindow) {
        this.file = file;
        this.journal = journal;
        this.replayWindow = replayWindow;
    }

    /**
     * The chains of a source whose links become durable as they are made, in the append-only journal {@code file}
     * (Kafka Connect, where records are sent after the transform returns and no acknowledgement comes back).
     *
     * @param replayWindow how many recent links per table are kept to give a repeated change its link again
     * @throws IllegalStateException naming the file when it cannot be read
     */
    public static AuditChains journaled(Path file, int replayWindow) {
        if (replayWindow < 1) {
            throw new IllegalArgumentException("the audit replay window must be at least 1, not " + replayWindow);
        }
        AuditChains chains = new AuditChains(file, new ChainJournal(file), replayWindow);
        chains.journal.load((table, link) -> {
            chains.saved.put(table, link);
            chains.remember(table, link);
        });
        return chains;
    }

    /**
     * The chains of a source as last saved in {@code file}, or new ones when it does not exist.
     *
     * @throws IllegalStateException naming the file when it cannot be read: silently starting new chains would
     *                               hide a gap from the auditors
     */
    public static AuditChains load(Path file) {
        AuditChains chains = new AuditChains(file, null, 0);
        if (!Files.exists(file)) {
            return chains;
        }
        Properties stored = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stored.load(in);
            for (String table : stored.stringPropertyNames()) {
                String[] parts = stored.getProperty(table).split(" ");
                chains.saved.put(table, new Link(Long.parseLong(parts[0]), parts[1], null, Long.parseLong(parts[2]),
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
     * The change with its link, or empty when it was linked and saved before (a repeat after a restart). A journaled
     * chain gives a repeat the link it had when that link is still in the replay window.
     *
     * @param commitLsn the last commit position before the change's transaction, as Debezium orders changes
     * @param lsn       the change's own position
     */
    Optional<DataChangeEvent> link(DataChangeEvent event, long commitLsn, long lsn) {
        String table = event.getSchemaName() + "." + event.getTableName();
        Link last = pending.getOrDefault(table, saved.get(table));
        if (last != null && last.isAtOrAfter(commitLsn, lsn)) {
            return replay(table, commitLsn, lsn).map(link -> withLink(event, link));
        }
        long sequence = last == null ? 1 : last.sequence() + 1;
        String previous = last == null ? AuditChain.GENESIS : last.hash();
        String hash = AuditChain.hash(AuditFacts.of(event), sequence, previous);
        Link link = new Link(sequence, hash, previous, commitLsn, lsn);
        if (journal == null) {
            pending.put(table, link);
        } else {
            journal.append(table, link);
            saved.put(table, link);
            remember(table, link);
            compactIfLong();
        }
        return Optional.of(withLink(event, link));
    }

    /** Sets the link on the event itself, which the mapper has just made: copying every row change cost more than hashing it. */
    private static DataChangeEvent withLink(DataChangeEvent event, Link link) {
        event.setChain(new AuditLink(link.sequence(), link.previous(), link.hash()));
        return event;
    }

    /** The link a repeated change had, when the journal still holds it. */
    private Optional<Link> replay(String table, long commitLsn, long lsn) {
        Deque<Link> links = recent.get(table);
        if (links == null) {
            return Optional.empty();
        }
        for (Iterator<Link> newestFirst = links.descendingIterator(); newestFirst.hasNext(); ) {
            Link link = newestFirst.next();
            if (link.isAt(commitLsn, lsn)) {
                return Optional.of(link);
            }
        }
        log.warn("audit chain of {}: a change delivered again at {}/{} is older than the last {} links kept; it "
                + "is not sent again (it reached Kafka unless the worker lost more than that many records)", table,
                commitLsn, lsn, links.size());
        return Optional.empty();
    }

    private void remember(String table, Link link) {
        Deque<Link> links = recent.computeIfAbsent(table, t -> new ArrayDeque<>());
        links.addLast(link);
        if (links.size() > replayWindow) {
            links.removeFirst();
        }
    }

    /** Rewrites the journal with the replay window only, once it holds twice as many lines. */
    private void compactIfLong() {
        if (journal.lines() > 2L * replayWindow * Math.max(1, recent.size())) {
            journal.rewrite(recent);
        }
    }

    /** Kafka acknowledged everything linked since the last save: make the links durable. */
    void save() {
        if (journal != null || pending.isEmpty()) {
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

    /** Closes the journal, if any; the embedded engine's state file needs no closing. */
    public void close() {
        if (journal != null) {
            journal.close();
        }
    }

    /** The batch was not acknowledged: forget its links, Debezium delivers it again. */
    void discard() {
        pending.clear();
    }
}
