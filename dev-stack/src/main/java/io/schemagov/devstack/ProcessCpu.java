package io.schemagov.devstack;

import java.time.Duration;

/**
 * The CPU time used so far by the processes of a run on the dev stack: this JVM, the Elasticsearch server it
 * launched, and this user's PostgreSQL server processes. For benchmark harnesses that print what each row costs
 * each process: CPU time stays meaningful on a machine shared with other work, where wall time does not.
 */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** CPU nanoseconds of each process group; subtract two readings to get what happened between them. */
    public record Reading(long jvmNanos, long elasticsearchNanos, long postgresNanos) {

        public Reading minus(Reading earlier) {
            return new Reading(jvmNanos - earlier.jvmNanos, elasticsearchNanos - earlier.elasticsearchNanos,
                    postgresNanos - earlier.postgresNanos);
        }

        public long totalNanos() {
            return jvmNanos + elasticsearchNanos + postgresNanos;
        }
    }

    public static Reading read() {
        return new Reading(jvmNanos(), elasticsearchNanos(), postgresNanos());
    }

    public static long jvmNanos() {
        return cpu(ProcessHandle.current());
    }

    /** The Elasticsearch server JVM, a grandchild of this one (its launcher script starts it). */
    public static long elasticsearchNanos() {
        return cpu(ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("org.elasticsearch.bootstrap"))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "no Elasticsearch server process among this JVM's descendants")));
    }

    /**
     * The postmaster and its backends, WAL sender included. They are not descendants of this JVM once the server's
     * launcher has exited, so they are found by program name and user; a process that ended in between is not counted.
     */
    public static long postgresNanos() {
        String user = ProcessHandle.current().info().user().orElse("");
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith("/postgres")
                        && process.info().user().orElse("").equals(user))
                .mapToLong(ProcessCpu::cpu).sum();
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElseThrow(() -> new IllegalStateException(
                "this platform does not report the CPU time of process " + process.pid()));
    }
}
