package io.schemagov.dashboard.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.schemagov.dashboard.DashboardApplication;
import io.schemagov.devstack.ElasticsearchServer;
import io.schemagov.model.ElasticsearchIndices;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A harness, not a test: indexes a million findings into a real Elasticsearch, starts the dashboard, logs in as a
 * browser does, and measures filtered findings searches through the HTTP API (p50, p95, p99 per kind of filter).
 * Figures are printed, never asserted. Options: {@code -Dschemagov.bench.findings} (1000000),
 * {@code -Dschemagov.bench.queries} (400 per kind), {@code -Dschemagov.bench.dir} (target/search-bench).
 */
public final class FindingSearchBenchmark {

    private static final String USER = "bench";
    private static final String PASSWORD = "bench-password-1234";
    private static final int BULK = 5_000;
    private static final String[] RULES = {"index-without-concurrently", "table-rewrite", "primary-key-missing",
        "foreign-key-without-index", "timestamp-without-time-zone", "column-dropped", "constraint-without-not-valid",
        "lock-without-lock-timeout", "varchar-length-limit", "audit-columns-missing", "name-not-snake-case",
        "duplicate-index", "bulk-delete", "unattributed-change", "set-not-null-scans-table", "enum-value-changed"};
    private static final String[] SEVERITIES = {"INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"};
    private static final String[] STATUSES = {"open", "open", "open", "resolved", "acknowledged", "suppressed"};
    private static final String[] WORDS = {"orders", "customers", "invoice", "lock", "share", "exclusive", "rewrite",
        "index", "column", "ledger", "payments", "shipment", "account", "session", "tenant", "audit"};

    private FindingSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int findings = Integer.getInteger("schemagov.bench.findings", 1_000_000);
        int queries = Integer.getInteger("schemagov.bench.queries", 400);
        Path dir = Path.of(System.getProperty("schemagov.bench.dir", "target/search-bench")).toAbsolutePath();
        Files.createDirectories(dir);
        try (ElasticsearchServer server = ElasticsearchServer.start(dir.resolve("elasticsearch"));
             RestClient rest = RestClient.builder(HttpHost.create(server.httpUrl())).build()) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            long loadStart = System.nanoTime();
            load(client, findings);
            System.out.printf("indexed %,d findings in %.1f s%n", findings, (System.nanoTime() - loadStart) / 1e9);
            try (ConfigurableApplicationContext dashboard = DashboardApplication.application().run(
                    "--spring.elasticsearch.uris=" + server.httpUrl(), "--server.port=0",
                    "--schemagov.dashboard.users[0].name=" + USER, "--schemagov.dashboard.users[0].password=" + PASSWORD)) {
                String base = "http://localhost:" + ((WebServerApplicationContext) dashboard).getWebServer().getPort();
                measure(base, queries);
            }
        }
    }

    private static void load(ElasticsearchClient client, int count) throws Exception {
        if (client.indices().exists(e -> e.index(ElasticsearchIndices.FINDINGS)).value()) {
            client.indices().delete(d -> d.index(ElasticsearchIndices.FINDINGS));
        }
        client.indices().create(c -> c.index(ElasticsearchIndices.FINDINGS)
                .withJson(new StringReader(ElasticsearchIndices.findingsDefinition())));
        client.indices().putSettings(s -> s.index(ElasticsearchIndices.FINDINGS).settings(x -> x.refreshInterval(t -> t.time("-1"))));
        SplittableRandom random = new SplittableRandom(42);
        long now = Instant.now().toEpochMilli();
        for (int start = 0; start < count; start += BULK) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (int i = start; i < Math.min(count, start + BULK); i++) {
                Map<String, Object> doc = finding(i, random, now);
                String id = "bench-" + i;
                bulk.operations(op -> op.index(x -> x.index(ElasticsearchIndices.FINDINGS).id(id).document(doc)));
            }
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                throw new IllegalStateException("bulk indexing failed at " + start);
            }
        }
        client.indices().putSettings(s -> s.index(ElasticsearchIndices.FINDINGS).settings(x -> x.refreshInterval(t -> t.time("1s"))));
        client.indices().refresh(r -> r.index(ElasticsearchIndices.FINDINGS));
    }

    private static Map<String, Object> finding(int i, SplittableRandom random, long now) {
        int severity = random.nextInt(100) < 60 ? random.nextInt(3) : 3 + random.nextInt(2);
        String database = "db_" + random.nextInt(20);
        String schema = "schema_" + random.nextInt(5);
        String table = "table_" + random.nextInt(2_000);
        long eventTime = now - random.nextLong(90L * 24 * 3600 * 1000);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ruleId", RULES[random.nextInt(RULES.length)]);
        doc.put("severity", SEVERITIES[severity]);
        doc.put("severityRank", severity);
        doc.put("status", STATUSES[random.nextInt(STATUSES.length)]);
        doc.put("scope", "change");
        doc.put("database", database);
        doc.put("schema", schema);
        doc.put("table", table);
        doc.put("object", schema + "." + table);
        doc.put("message", "Finding " + i + " on " + schema + "." + table + ": " + WORDS[random.nextInt(WORDS.length)]
                + " " + WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)]);
        doc.put("remediation", "Do the change in small steps.");
        doc.put("statement", "ALTER TABLE " + schema + "." + table + " ADD COLUMN c" + i + " text");
        doc.put("actor", Map.of("role", "role_" + random.nextInt(30), "application", "app_" + random.nextInt(10)));
        doc.put("position", String.format("%08X/%08X", i / 100_000, i));
        doc.put("eventTime", eventTime);
        doc.put("detectedAt", eventTime + 100 + random.nextInt(400));
        return doc;
    }

    /** Logs in with the form (as the pages do: a session, so no password hashing per request), then searches. */
    private static void measure(String base, int queries) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        http.send(HttpRequest.newBuilder(URI.create(base + "/login/options")).build(), HttpResponse.BodyHandlers.discarding());
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.statusCode());
        }
        Map<String, List<String>> kinds = kinds();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100; i++) {
            search(http, base, pick(kinds, "severity + status", random));
        }
        List<Long> all = new ArrayList<>();
        System.out.printf("%-32s %8s %8s %8s %8s%n", "filter (size=50, total counted)", "p50 ms", "p95 ms", "p99 ms",
                "max ms");
        for (String kind : kinds.keySet()) {
            long[] times = new long[queries];
            for (int q = 0; q < queries; q++) {
                times[q] = search(http, base, pick(kinds, kind, random));
                all.add(times[q]);
            }
            print(kind, times);
        }
        print("all", all.stream().mapToLong(Long::longValue).toArray());
    }

    private static Map<String, List<String>> kinds() {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("none (newest first)", List.of(""));
        kinds.put("severity + status", List.of("severity=HIGH&severity=CRITICAL&status=open"));
        kinds.put("database + last 7 days", List.of("database=db_%d&since=7d"));
        kinds.put("rule + database + open", List.of("rule=%r&database=db_%d&status=open"));
        kinds.put("table", List.of("table=schema_%s.table_%t"));
        kinds.put("actor + severity", List.of("actor=role_%a&severity=CRITICAL"));
        kinds.put("full text + period", List.of("q=%w%20%w&since=30d"));
        kinds.put("most severe first", List.of("sort=severity&status=open"));
        return kinds;
    }

    private static String pick(Map<String, List<String>> kinds, String kind, SplittableRandom random) {
        return kinds.get(kind).get(0)
                .replace("%d", String.valueOf(random.nextInt(20)))
                .replace("%r", RULES[random.nextInt(RULES.length)])
                .replace("%s", String.valueOf(random.nextInt(5)))
                .replace("%t", String.valueOf(random.nextInt(2_000)))
                .replace("%a", String.valueOf(random.nextInt(30)))
                .replaceFirst("%w", URLEncoder.encode(WORDS[random.nextInt(WORDS.length)], StandardCharsets.UTF_8))
                .replaceFirst("%w", URLEncoder.encode(WORDS[random.nextInt(WORDS.length)], StandardCharsets.UTF_8));
    }

    private static long search(HttpClient http, String base, String query) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/findings?size=50&"
                + query)).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1_000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(query + " answered " + response.statusCode() + ": " + response.body());
        }
        return micros;
    }

    private static void print(String kind, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf("%-32s %8.1f %8.1f %8.1f %8.1f%n", kind, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                sorted[sorted.length - 1] / 1000.0);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }
}
