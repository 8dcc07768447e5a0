package io.schemagov.ingest.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The append-only file of audit chain links made on Kafka Connect, one line per link
 * ({@code table sequence hash previous commitLsn lsn}), each forced to disk before its record leaves the transform.
 * A torn last line, left by a crash while it was written, belongs to a record that was never handed on and is ignored.
 */
final class ChainJournal {

    private final Path file;
    private FileChannel out;
    private long lines;

    ChainJournal(Path file) {
        this.file = file;
    }

    /** Replays the journal, oldest link first, then opens it for appending. */
    void load(BiConsumer<String, AuditChains.Link> link) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                replay(link);
            }
            out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            lock();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the audit chain journal " + file + " (" + e + ")", e);
        }
    }

    /** Two writers would fork the chains: a second task on the same journal stops instead. */
    private void lock() throws IOException {
        try {
            if (out.tryLock() != null) {
                return;
            }
        } catch (OverlappingFileLockException e) {
            // held in this JVM
        }
        out.close();
        throw new IllegalStateException("the audit chain journal " + file + " is in use by another task; run one "
                + "task per source (tasks.max=1) and stop the other first");
    }

    private void replay(BiConsumer<String, AuditChains.Link> link) throws IOException {
        List<String> all = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                all.add(line);
            }
        }
        boolean complete = Files.size(file) == 0 || endsWithNewline();
        for (int i = 0; i < all.size(); i++) {
            String[] parts = all.get(i).split("\t");
            boolean torn = i == all.size() - 1 && !complete;
            if (torn) {
                break;
            }
            AuditChains.Link parsed;
            try {
                parsed = new AuditChains.Link(Long.parseLong(parts[1]), parts[2], parts[3], Long.parseLong(parts[4]),
                        Long.parseLong(parts[5]));
            } catch (RuntimeException e) {
                parsed = null;
            }
            if (parts.length != 6 || parsed == null) {
                throw new IllegalStateException("cannot read the audit chain journal " + file + ": line " + (i + 1)
                        + " is not a link; restore it from a backup, or move it away to start new chains, which the "
                        + "audit verification will then show as a new genesis");
            }
            link.accept(parts[0], parsed);
            lines++;
        }
    }

    private boolean endsWithNewline() throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, in.size() - 1);
            return last.get(0) == '\n';
        }
    }

    void append(String table, AuditChains.Link link) {
        try {
            ByteBuffer line = ByteBuffer.wrap(format(table, link).getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                out.write(line);
            }
            out.force(false);
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit chain journal " + file, e);
        }
    }

    long lines() {
        return lines;
    }

    /** Replaces the journal, atomically, by the given links of each table, oldest first. */
    void rewrite(Map<String, ? extends Collection<AuditChains.Link>> links) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder text = new StringBuilder();
        long written = 0;
        for (Map.Entry<String, ? extends Collection<AuditChains.Link>> table : links.entrySet()) {
            for (AuditChains.Link link : table.getValue()) {
                text.append(format(table.getKey(), link));
                written++;
            }
        }
        try {
            try (FileChannel copy = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    copy.write(bytes);
                }
                copy.force(true);
            }
            out.close();
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            lock();
            lines = written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the audit chain journal " + file, e);
        }
    }

    void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the audit chain journal " + file, e);
        }
    }

    private static String format(String table, AuditChains.Link link) {
        return table + "\t" + link.sequence() + "\t" + link.hash() + "\t" + link.previous() + "\t" + link.commitLsn()
                + "\t" + link.lsn() + "\n";
    }
}
