package io.schemagov.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schemagov.devstack.ConnectWorker;
import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.SharedStack;
import io.schemagov.ingest.connect.EmitConnectCommand;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.Operation;
import io.schemagov.model.SchemaChangeEvent;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka Connect mode on real servers: what {@code emit-connect} writes is run as an operator would (the SQL in
 * PostgreSQL, the connector through the REST API of a real worker in a process of its own, Debezium's PostgreSQL
 * connector on its classpath and our transform only in its {@code plugin.path}, unpacked from the plugin zip this
 * build makes), and our topics then carry the same events as from the embedded ingest: DDL with its catalog
 * snapshot, audited rows masked and chained, unreadable capture messages in the dead letters; a killed worker
 * delivers again and the chains hold.
 */
class ConnectModeIT {

    private static final String DATABASE = "connect_it";
    private static final String SOURCE = "cit";
    private static final String CONNECTOR = "schemagov-" + SOURCE;
    private static final String PASSWORD = "pw-never-written-7c1e";
    private static final String HASH_KEY = "hash-key-never-written-52d0";
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static PostgresServer postgres;
    private static Path directory;
    private static List<Path> emitted;
    private static Path plugins;
    private static String pluginVersion;
    private static ConnectWorker worker;
    private static EventCollector events;

    @BeforeAll
    static void deployAsAnOperatorWould() throws Exception {
        postgres = SharedStack.postgres();
        postgres.createDatabase(DATABASE);
        sql("CREATE TABLE IF NOT EXISTS public.customers (id bigint PRIMARY KEY, email text, plan text)",
            "CREATE TABLE IF NOT EXISTS public.ledger (id bigint PRIMARY KEY, amount int)",
            "CREATE TABLE IF NOT EXISTS public.preexisting (id bigint PRIMARY KEY, note text)");
        directory = Files.createTempDirectory("connect-it");
        emitted = EmitConnectCommand.run(new String[] {EmitConnectCommand.NAME,
                "--schemagov.ingest.sources[0].name=" + SOURCE,
                "--schemagov.ingest.sources[0].url=" + postgres.jdbcUrl(DATABASE),
                "--schemagov.ingest.sources[0].username=" + PostgresServer.USER,
                "--schemagov.ingest.sources[0].password=" + PASSWORD,
                "--schemagov.ingest.sources[0].audited-tables[0]=public.customers",
                "--schemagov.ingest.sources[0].audited-tables[1]=public.led*",
                "--schemagov.ingest.sources[0].actor-attribution=true",
                "--schemagov.ingest.masking.sensitive-columns[0]=public.customers.email",
                "--schemagov.ingest.masking.hash-key=" + HASH_KEY,
                "--schemagov.ingest.connect.output-directory=" + directory.resolve("out"),
                "--schemagov.ingest.connect.secrets-file=" + directory.resolve("secrets.properties"),
                "--schemagov.ingest.connect.worker-state-directory=" + directory.resolve("worker")});
        Files.writeString(directory.resolve("secrets.properties"),
                SOURCE + ".password=" + PASSWORD + "\nmasking.hash-key=" + HASH_KEY + "\n");
        sql(Files.readString(directory.resolve("out").resolve(SOURCE + ".capture.sql")));
        plugins = unpackPlugin(directory.resolve("plugins"));
        events = new EventCollector(SharedStack.kafka().bootstrapServers(), SOURCE);
        startWorker();
        postgres.awaitReplicationSlot(DATABASE, "schemagov_cit", STARTUP);
        sql(Files.readString(directory.resolve("out").resolve(SOURCE + ".baseline.sql")));
    }

    private static void startWorker() throws Exception {
        // Offsets are committed only on a clean stop: a kill then makes the worker deliver everything again.
        worker = ConnectWorker.startProcess(SharedStack.kafka().bootstrapServers(), directory.resolve("connect"),
                workerClasspath(), plugins, Duration.ofMinutes(30).toMillis(), STARTUP);
        // Standalone workers keep no connector configuration across restarts: submit it each time.
        worker.submit(Files.readString(directory.resolve("out").resolve(SOURCE + ".connector.json")));
        worker.awaitRunning(CONNECTOR, STARTUP);
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.close();
        }
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void emittedFilesReferenceTheSecretsInsteadOfHoldingThem() throws Exception {
        assertThat(emitted).extracting(path -> path.getFileName().toString()).containsExactlyInAnyOrder(
                "cit.connector.json", "cit.capture.sql", "cit.baseline.sql", "secrets.properties.example");
        for (Path file : emitted) {
            assertThat(Files.readString(file)).doesNotContain(PASSWORD).doesNotContain(HASH_KEY);
        }
        JsonNode config = new ObjectMapper().readTree(emitted.get(0).toFile()).path("config");
        assertThat(config.path("database.password").asText())
                .isEqualTo("${file:" + directory.resolve("secrets.properties") + ":cit.password}");
        assertThat(worker.get("connectors/" + CONNECTOR + "/config").path("transforms.schemagov.type").asText())
                .isEqualTo("io.schemagov.ingest.connect.SchemagovTransform");
    }

    @Test
    void theWorkerFindsOurTransformInItsPluginPathWithItsVersion() throws Exception {
        assertThat(worker.get("connector-plugins?connectorsOnly=false")).anySatisfy(plugin -> {
            assertThat(plugin.path("class").asText()).isEqualTo("io.schemagov.ingest.connect.SchemagovTransform");
            assertThat(plugin.path("type").asText()).isEqualTo("transformation");
            assertThat(plugin.path("version").asText()).isEqualTo(pluginVersion);
        });
    }

    @Test
    void baselineCoversTablesThatExistedBeforeTheConnector() {
        SchemaChangeEvent baseline = events.awaitSchemaChange(e -> e.getKind() == ChangeKind.BASELINE
                && e.getTables().get(0).getTableName().equals("preexisting"));
        assertThat(baseline.getCommandTag()).isEqualTo("BASELINE");
        assertThat(baseline.getSource().getDatabase()).isEqualTo(SOURCE);
    }

    @Test
    void ddlArrivesWithItsStatementCatalogSnapshotAndActor() throws Exception {
        sql("SET application_name = 'migrator'",
            "CREATE TABLE public.shipments (id bigint, sent_at timestamp NOT NULL)");
        SchemaChangeEvent event = events.awaitSchemaChange(e -> "CREATE TABLE".equals(e.getCommandTag())
                && "public.shipments".equals(e.getObjectIdentity()));
        assertThat(event.getStatement()).isEqualTo("CREATE TABLE public.shipments (id bigint, sent_at timestamp NOT NULL)");
        assertThat(event.getTables().get(0).getColumns()).extracting(ColumnSnapshot::getName).containsExactly("id", "sent_at");
        assertThat(event.getActor().getRole()).isEqualTo("postgres");
        assertThat(event.getActor().getApplication()).isEqualTo("migrator");
        assertThat(event.getSource().getTransactionId()).isPositive();
    }

    @Test
    void auditedRowsLeaveTheWorkerMaskedAndLinkedIntoTheirTablesChain() throws Exception {
        sql("INSERT INTO public.customers VALUES (1, 'jane@example.org', 'gold')",
            "UPDATE public.customers SET plan = 'silver' WHERE id = 1");
        DataChangeEvent insert = awaitData("customers", e -> e.getOperation() == Operation.INSERT);
        DataChangeEvent update = awaitData("customers", e -> e.getOperation() == Operation.UPDATE);

        assertThat(insert.getAfter().get("email")).isEqualTo(hmac("jane@example.org"));
        assertThat(insert.getAfter().get("plan")).isEqualTo("gold");
        assertThat(insert.getMaskedColumns()).containsExactly("email");
        assertThat(update.getBefore().get("email")).isEqualTo(hmac("jane@example.org"));
        assertThat(insert.getActor().getRole()).isEqualTo("postgres");
        assertThat(insert.getChain().getSequence()).isEqualTo(1);
        assertThat(update.getChain().getSequence()).isEqualTo(2);
        assertThat(update.getChain().getPreviousHash()).isEqualTo(insert.getChain().getHash());
    }

    @Test
    void anUnreadableCaptureMessageGoesToTheDeadLettersWithItsReason() throws Exception {
        sql("SELECT pg_logical_emit_message(true, 'schemagov.ddl', 'not a capture record')");
        ConsumerRecord<String, byte[]> dead = events.awaitDeadLetter(r -> SOURCE.equals(header(r, "schemagov.dlt.source")));
        assertThat(header(dead, "schemagov.dlt.reason")).startsWith("unreadable DDL capture message");
        assertThat(header(dead, "schemagov.dlt.stage")).isEqualTo("ingest");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not a capture record");
        assertThat(dead.key()).isEqualTo(SOURCE + "/" + header(dead, "schemagov.dlt.position"));
    }

    @Test
    void aKilledWorkerDeliversAgainWithTheSameLinksAndGoesOnWithTheChain() throws Exception {
        sql("INSERT INTO public.ledger VALUES (1, 10)");
        DataChangeEvent first = awaitData("ledger", e -> "1".equals(e.getKey().get("id")));
        worker.kill(); // no offset was committed: the new worker starts again from the slot's start
        sql("INSERT INTO public.ledger VALUES (2, 20)");
        startWorker();
        sql("INSERT INTO public.ledger VALUES (3, 30)");
        DataChangeEvent whileDown = awaitData("ledger", e -> "2".equals(e.getKey().get("id")));
        DataChangeEvent after = awaitData("ledger", e -> "3".equals(e.getKey().get("id")));
        awaitData("ledger", e -> "1".equals(e.getKey().get("id")) && e != first); // delivered again

        assertThat(whileDown.getChain().getSequence()).isEqualTo(first.getChain().getSequence() + 1);
        assertThat(whileDown.getChain().getPreviousHash()).isEqualTo(first.getChain().getHash());
        assertThat(after.getChain().getPreviousHash()).isEqualTo(whileDown.getChain().getHash());
        // A change delivered twice must come with the same link both times: one sequence number, one change.
        Map<Long, List<String>> bySequence = events.dataChanges.stream()
                .filter(e -> SOURCE.equals(e.getSource().getDatabase()) && "ledger".equals(e.getTableName()))
                .collect(Collectors.groupingBy(e -> e.getChain().getSequence(),
                        Collectors.mapping(e -> e.getSource().getPosition() + " " + e.getChain().getHash(), Collectors.toList())));
        assertThat(bySequence.keySet()).containsExactlyInAnyOrder(1L, 2L, 3L);
        bySequence.values().forEach(copies -> assertThat(copies).containsOnly(copies.get(0)));
    }

    /** Kafka Connect and the connectors, without the transform: it must come from the plugin path. */
    private static String workerClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("classes") && !entry.contains("governance-model") && !entry.contains("avro-"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Unpacks the plugin zip of this build, as an operator unpacks it into the workers' plugin path. */
    private static Path unpackPlugin(Path pluginPath) throws Exception {
        Path zip;
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            zip = built.filter(p -> p.getFileName().toString().endsWith("-connect-plugin.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/*-connect-plugin.zip: run the package phase first"));
        }
        String name = zip.getFileName().toString();
        pluginVersion = name.substring("ingest-service-".length(), name.length() - "-connect-plugin.zip".length());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = pluginPath.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return pluginPath;
    }

    private static DataChangeEvent awaitData(String table, java.util.function.Predicate<DataChangeEvent> match) {
        return events.awaitDataChange(e -> SOURCE.equals(e.getSource().getDatabase()) && table.equals(e.getTableName())
                && match.test(e));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The masking's keyed hash, computed here independently: it matches only if the worker resolved the key. */
    private static String hmac(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HASH_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "hmac:" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    private static void sql(String... statements) throws Exception {
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
