package io.schemagov.quickstart;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.schemagov.dashboard.audit.AuditVerificationReport;
import io.schemagov.dashboard.audit.AuditVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * {@code verify-audit}: proves a table's audit trail over a period unaltered, from the command line, for an
 * auditor who wants the answer without the dashboard. Exit status 0 when intact, 1 when broken, 2 when the
 * question could not be answered (bad arguments, Elasticsearch unreachable).
 */
final class VerifyAuditCommand {

    static final String NAME = "verify-audit";
    private static final Set<String> OPTIONS = Set.of("elasticsearch", "database", "table", "from", "to");
    private static final String USAGE = "usage: " + NAME + " --database=<source> --table=<schema.table> "
            + "[--from=<ISO instant>] [--to=<ISO instant>] [--elasticsearch=http://localhost:9200]";

    private VerifyAuditCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Map<String, String> options;
        Instant from;
        Instant to;
        try {
            options = options(args);
            from = instant(options, "from");
            to = instant(options, "to");
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        String url = options.getOrDefault("elasticsearch", "http://localhost:9200");
        try (RestClient rest = RestClient.builder(HttpHost.create(url)).build()) {
            AuditVerifier verifier = new AuditVerifier(new ElasticsearchClient(new RestClientTransport(rest,
                    new JacksonJsonpMapper())));
            AuditVerificationReport report = verifier.verify(options.get("database"), options.get("table"), from, to);
            out.println(describe(report));
            return report.intact() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            out.println("cannot verify: Elasticsearch at " + url + " did not answer (" + e.getMessage() + ")");
            return 2;
        }
    }

    private static String describe(AuditVerificationReport r) {
        String period = (r.from() == null ? "the beginning" : r.from().toString()) + " to "
                + (r.to() == null ? "now" : r.to().toString());
        if (r.checked() == 0 && r.intact()) {
            return "NO RECORDS: " + r.database() + " " + r.table() + " has no chained audit records from " + period;
        }
        if (r.intact()) {
            return "INTACT: " + r.database() + " " + r.table() + ", " + r.checked() + " records (sequence "
                    + r.firstSequence() + " to " + r.lastSequence() + ") from " + period + " match their hashes and "
                    + "links" + (r.anchored() ? "" : "; the record before sequence " + r.firstSequence()
                            + " is no longer stored, so the first link could not be checked");
        }
        return "BROKEN: " + r.database() + " " + r.table() + " at sequence " + r.brokenSequence() + " ("
                + r.brokenRecord() + "): " + r.reason() + "; " + r.checked() + " records before it verified";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
            options.put(name, arg.substring(eq + 1));
        }
        if (!options.containsKey("database")) {
            throw new IllegalArgumentException("--database is required");
        }
        if (!options.getOrDefault("table", "").matches("[^.]+\\.[^.]+")) {
            throw new IllegalArgumentException("--table is required, as schema.table");
        }
        return options;
    }

    private static Instant instant(Map<String, String> options, String name) {
        String value = options.get(name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " must be an ISO-8601 instant such as "
                    + "2026-11-20T00:00:00Z, got '" + value + "'");
        }
    }
}
