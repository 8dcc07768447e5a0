package io.schemagov.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.schemagov.devstack.KafkaBroker;
import io.schemagov.devstack.SharedStack;
import io.schemagov.model.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pipelined data-change loop (a batch analysed while the previous one is stored) against the real Kafka and
 * Elasticsearch, with a proxy in front of Elasticsearch that answers 503 to bulk writes for a while: the batches in
 * flight are rewound and stored again, and every row ends up exactly once as an audit record, none dead-lettered.
 */
class PipelinedAuditIT {

    private static final String DATA_TOPIC = "schemagov.data-changes";
    private static final String DLT = "schemagov.dlt";
    private static final String DATABASE = "pipelined_db";
    private static final int ROWS = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void rowsWrittenAcrossAnElasticsearchOutageAreStoredOnceEach() throws Exception {
        KafkaBroker kafka = SharedStack.kafka();
        kafka.createTopics(Set.of(DATA_TOPIC, DLT, "schemagov.schema-changes", "schemagov.source-health"), 3);
        String elasticsearch = SharedStack.elasticsearch().httpUrl();
        AtomicBoolean failing = new AtomicBoolean(false);
        AtomicInteger refused = new AtomicInteger();
        HttpServer proxy = proxy(elasticsearch, failing, refused);
        ConfigurableApplicationContext analyzer = AnalyzerApplication.application().run(
                "--spring.elasticsearch.uris=http://localhost:" + proxy.getAddress().getPort(),
                "--schemagov.analyzer.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--schemagov.analyzer.kafka.group-id=pipelined-it",
                "--schemagov.analyzer.kafka.max-poll-records=100",
                "--server.port=0");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < ROWS; i++) {
                if (i == ROWS / 3) {
                    producer.flush();
                    awaitAuditRecords(elasticsearch, count -> count > 0);
                    failing.set(true); // batches are in flight and being analysed now
                }
                if (i == 2 * ROWS / 3) {
                    producer.flush();
                    awaitRefusals(refused);
                    failing.set(false);
                }
                // Three tables, each on a partition of its own (keyed by table as the ingest does), so that a batch and
                // the one analysed behind it may hold different partitions.
                String table = "orders" + i % 3;
                producer.send(new ProducerRecord<>(DATA_TOPIC, i % 3, DATABASE + "/public." + table, EventCodec.encode(
                        TestEvents.insert(DATABASE, String.format("00000000/%08X", i + 1), table, Map.of("id", Integer.toString(i))))));
            }
        }
        try {
            awaitAuditRecords(elasticsearch, count -> count >= ROWS);
            Thread.sleep(2000); // a batch stored twice under other ids would show as more than ROWS records by now
            assertThat(auditRecords(elasticsearch)).isEqualTo(ROWS);
            assertThat(distinctIds(elasticsearch)).isEqualTo(ROWS);
            assertThat(deadLettersOfThisTest(kafka)).as("nothing dead-lettered").isZero();
        } finally {
            analyzer.close();
            proxy.stop(0);
        }
    }

    /** Forwards every request to Elasticsearch, except bulk writes while {@code failing}, which get a 503. */
    private static HttpServer proxy(String target, AtomicBoolean failing, AtomicInteger refused) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (failing.get() && exchange.getRequestURI().getPath().endsWith("/_bulk")) {
                    refused.incrementAndGet();
                    reply(exchange, 503, ("{\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"injected outage\"},"
                            + "\"status\":503}").getBytes());
                    return;
                }
                forward(exchange, target);
            }
        });
        server.start();
        return server;
    }

    private static void forward(HttpExchange exchange, String target) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : new String[] {"Content-Type", "Accept"}) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
            reply(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 502, new byte[0]);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private interface Done {
        boolean test(long count);
    }

    private static long awaitAuditRecords(String elasticsearch, Done done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long count = auditRecords(elasticsearch);
        while (!done.test(count) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            count = auditRecords(elasticsearch);
        }
        assertThat(done.test(count)).as("audit records of %s: %d", DATABASE, count).isTrue();
        return count;
    }

    private static void awaitRefusals(AtomicInteger refused) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // A batch is given up (and rewound with the one analysed behind it) after 5 refused attempts: 11 refusals
        // mean at least two batches went through that.
        while (refused.get() < 11 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(refused.get()).as("bulk writes refused while failing").isGreaterThanOrEqualTo(11);
    }

    private static long auditRecords(String elasticsearch) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/schemagov-audit/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        JsonNode answer = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch
                + "/schemagov-audit/_count?ignore_unavailable=true&q=database:" + DATABASE)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return answer.path("count").asLong();
    }

    private static long distinctIds(String elasticsearch) throws Exception {
        String query = "{\"size\":0,\"query\":{\"term\":{\"database\":\"" + DATABASE + "\"}},"
                + "\"aggs\":{\"rows\":{\"cardinality\":{\"field\":\"position\",\"precision_threshold\":40000}}}}";
        JsonNode answer = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/schemagov-audit/_search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return answer.path("aggregations").path("rows").path("value").asLong();
    }

    /** Dead letters keep the key of their record: this test's rows are all keyed by its table. */
    private static long deadLettersOfThisTest(KafkaBroker kafka) {
        try (KafkaConsumer<String, byte[]> consumer = KafkaProbe.consumer(kafka.bootstrapServers(), DLT)) {
            long total = 0;
            long quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < quietUntil) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.key() != null && record.key().startsWith(DATABASE + "/")) {
                        total++;
                    }
                }
            }
            return total;
        }
    }
}
