package io.schemagov.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bookkeeping for the server processes the dev stack starts outside this JVM, so that a JVM
 * that died without running its shutdown hooks leaves nothing behind for long: every child
 * is recorded in a pid file naming its owner JVM, and the next start reaps the children of
 * owners that are gone.
 */
final class ServerProcesses {

    private static final Logger log = LoggerFactory.getLogger(ServerProcesses.class);
    /** Per OS user, so that two users on one machine (a developer and CI) never share files. */
    static final Path USER_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"),
            "schemagov-devstack-" + System.getProperty("user.name"));
    private static final Path PID_DIR = USER_DIRECTORY.resolve("pids");

    private ServerProcesses() {
    }

    /** Fails with a clear message when run as root: PostgreSQL and Elasticsearch refuse it. */
    static void refuseRoot() {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("The dev stack cannot run as root: PostgreSQL and Elasticsearch "
                    + "refuse to. Run it as an unprivileged user (see .ci/run for how CI does it).");
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Records that this JVM owns the given server processes. */
    static void record(String name, List<Long> pids) {
        try {
            Files.createDirectories(PID_DIR);
            String owner = Long.toString(ProcessHandle.current().pid());
            List<String> lines = new ArrayList<>();
            lines.add(owner);
            pids.forEach(pid -> lines.add(Long.toString(pid)));
            Files.write(PID_DIR.resolve(name + "-" + owner + ".pid"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("could not record the pids of {}: {}", name, e.toString());
        }
    }

    static void forget(String name) {
        try {
            Files.deleteIfExists(PID_DIR.resolve(name + "-" + ProcessHandle.current().pid() + ".pid"));
        } catch (IOException e) {
            log.debug("could not delete the pid file of {}", name, e);
        }
    }

    /**
     * Kills the processes recorded by dev stacks whose JVM is no longer alive, then deletes the
     * server folders those JVMs left (named by their pid).
     */
    static void reapOrphans() {
        if (!Files.isDirectory(PID_DIR)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(PID_DIR, "*.pid")) {
            for (Path file : files) {
                reap(file);
            }
        } catch (IOException e) {
            log.warn("could not look for orphaned dev stack servers: {}", e.toString());
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(USER_DIRECTORY, "[0-9]*")) {
            for (Path folder : folders) {
                if (!isAlive(Long.parseLong(folder.getFileName().toString()))) {
                    deleteRecursively(folder);
                }
            }
        } catch (IOException | NumberFormatException e) {
            log.warn("could not clean the folders of dead dev stacks: {}", e.toString());
        }
    }

    private static void reap(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || isAlive(Long.parseLong(lines.get(0).trim()))) {
            return;
        }
        for (String line : lines.subList(1, lines.size())) {
            Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(line.trim()));
            orphan.ifPresent(process -> {
                log.info("stopping orphaned dev stack server {} left by a dead JVM ({})", process.pid(), file.getFileName());
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            });
        }
        Files.deleteIfExists(file);
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The last lines of a log file, for an error message when a server does not start. */
    static String tail(Path logFile, int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log at " + logFile + ")";
            }
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
