package io.schemagov.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemagov.devstack.PostgresServer;
import io.schemagov.devstack.PrometheusScrape;
import io.schemagov.devstack.SharedStack;
import io.schemagov.ingest.capture.CaptureInstaller;
import io.schemagov.ingest.capture.CaptureSetupException;
import io.schemagov.ingest.config.SourceProperties;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.ColumnSnapshot;
import io.schemagov.model.ConstraintType;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.EventCodec;
import io.schemagov.model.Operation;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.TableSnapshot;
import io.schemagov.model.audit.AuditChain;
import io.schemagov.model.audit.AuditFacts;
import io.schemagov.model.audit.ChainVerification;
import io.schemagov.model.audit.ChainedRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The ingest against a real PostgreSQL and Kafka: every kind of DDL arrives with the right fields. */
class PostgresCaptureIT {

    private static final String DATABASE = "ingest_it";
    private static PostgresServer postgres;
    private static Path stateDirectory;
    private static ConfigurableApplicationContext ingest;
    private static EventCollector events;

    @BeforeAll
    static void startIngest() throws Exception {
        postgres = SharedStack.postgres();
        postgres.createDatabase(DATABASE);
        sql("CREATE TABLE IF NOT EXISTS public.accounts (id bigint PRIMARY KEY, email text NOT NULL, balance numeric(12,2))",
            "CREATE TABLE IF NOT EXISTS public.legacy_log (line text)",
            "CREATE TABLE IF NOT EXISTS public.patients (id bigint PRIMARY KEY, full_name text, mobile_phone text, "
                + "birth_date date, note text, visits int)",
            "CREATE TABLE IF NOT EXISTS public.ledger_2025 (id bigint PRIMARY KEY, amount int)",
            "CREATE TABLE IF NOT EXISTS public.ledger_2026 (id bigint PRIMARY KEY, amount int)");
        stateDirectory = Files.createTempDirectory("ingest-it");
        ingest = startApplication();
        events = new EventCollector(SharedStack.kafka().bootstrapServers(), "it");
    }

    static ConfigurableApplicationContext startApplication() {
        return IngestApplication.application().run(
                "--schemagov.ingest.kafka.bootstrap-servers=" + SharedStack.kafka().bootstrapServers(),
                "--schemagov.ingest.state-directory=" + stateDirectory,
                "--schemagov.ingest.sources[0].name=it",
                "--schemagov.ingest.sources[0].url=" + postgres.jdbcUrl(DATABASE),
                "--schemagov.ingest.sources[0].username=postgres",
                "--schemagov.ingest.sources[0].password=secret-password",
                "--schemagov.ingest.sources[0].audited-tables[0]=public.accounts",
                "--schemagov.ingest.sources[0].audited-tables[1]=public.patients",
                "--schemagov.ingest.sources[0].audited-tables[2]=public.ledger_*",
                "--schemagov.ingest.sources[0].actor-attribution=true",
                "--schemagov.ingest.masking.sensitive-columns[0]=public.accounts.email",
                "--schemagov.ingest.masking.policies[0].column=public.patients.note",
                "--schemagov.ingest.masking.policies[0].action=drop",
                "--schemagov.ingest.masking.hash-key=test-key",
                "--schemagov.ingest.slot-lag.interval=1s",
                "--server.port=0");
    }

    @AfterAll
    static void stop() {
        events.close();
        ingest.close();
    }

    @Test
    void baselineCoversTablesThatExistedBeforeTheFirstConnect() {
        SchemaChangeEvent baseline = events.awaitSchemaChange(e -> e.getKind() == ChangeKind.BASELINE
                && e.getTables().get(0).getTableName().equals("legacy_log"));
        assertThat(baseline.getCommandTag()).isEqualTo("BASELINE");
        assertThat(baseline.getTables().get(0).getConstraints()).isEmpty();
        assertThat(baseline.getSource().getDatabase()).isEqualTo("it");
    }

    @Test
    void createTableArrivesWithItsCatalogSnapshotAndActor() throws Exception {
        sql("SET application_name = 'migrator'",
            "CREATE TABLE public.orders (id bigserial PRIMARY KEY, account_id bigint REFERENCES public.accounts (id), placed_at timestamp NOT NULL DEFAULT now())");
        SchemaChangeEvent event = awaitTag("CREATE TABLE", "public.orders");
        TableSnapshot table = event.getTables().get(0);
        assertThat(table.getColumns()).extracting(ColumnSnapshot::getName).containsExactly("id", "account_id", "placed_at");
        assertThat(table.getColumns().get(2).getDataType()).isEqualTo("timestamp without time zone");
        assertThat(table.getColumns().get(2).getNotNull()).isTrue();
        assertThat(table.getConstraints()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo(ConstraintType.FOREIGN_KEY);
            assertThat(c.getColumns()).containsExactly("account_id");
            assertThat(c.getReferencedTable()).isEqualTo("public.accounts");
            assertThat(c.getReferencedColumnTypes()).containsExactly("bigint");
        });
        assertThat(table.getColumns().get(0).getTypeCategory()).isEqualTo("N");
        assertThat(table.getColumns().get(2).getTypeCategory()).isEqualTo("D");
        assertThat(table.getRowSecurity()).isFalse();
        assertThat(table.getIndexes()).anySatisfy(i -> assertThat(i.getPrimary()).isTrue());
        assertThat(event.getStatement()).contains("CREATE TABLE public.orders");
        assertThat(event.getActor().getRole()).isEqualTo("postgres");
        assertThat(event.getActor().getApplication()).isEqualTo("migrator");
        assertThat(event.getSource().getTransactionId()).isPositive();
        assertThat(event.getLockTimeoutMs()).isZero();
    }

    @Test
    void rowLevelSecurityAndEnumTypesAreInTheSnapshot() throws Exception {
        sql("CREATE TYPE public.mood AS ENUM ('happy', 'sad')",
            "CREATE TABLE public.tenants_data (id bigint PRIMARY KEY, tenant_id bigint, mood public.mood)",
            "ALTER TABLE public.tenants_data ENABLE ROW LEVEL SECURITY");
        SchemaChangeEvent event = events.awaitSchemaChange(e -> e.getStatement() != null
                && e.getStatement().contains("ENABLE ROW LEVEL SECURITY"));
        TableSnapshot table = event.getTables().get(0);
        assertThat(table.getRowSecurity()).isTrue();
        assertThat(table.getColumns().get(2).getTypeCategory()).isEqualTo("E");
    }

    @Test
    void addColumnWithoutRewriteAndWithRewrite() throws Exception {
        sql("CREATE TABLE public.widgets (id int PRIMARY KEY)", "INSERT INTO public.widgets SELECT generate_series(1, 500)",
            "ALTER TABLE public.widgets ADD COLUMN note text",
            "ALTER TABLE public.widgets ADD COLUMN token double precision DEFAULT random()");
        SchemaChangeEvent plain = events.awaitSchemaChange(e -> "ALTER TABLE".equals(e.getCommandTag())
                && e.getStatement().contains("ADD COLUMN note"));
        assertThat(plain.getRewrites()).isEmpty();
        SchemaChangeEvent rewriting = events.awaitSchemaChange(e -> "ALTER TABLE".equals(e.getCommandTag())
                && e.getStatement().contains("ADD COLUMN token"));
        assertThat(rewriting.getRewrites()).singleElement().satisfies(r -> {
            assertThat(r.getTable()).isEqualTo("public.widgets");
            assertThat(r.getReasons()).isNotEmpty();
        });
        assertThat(rewriting.getTables().get(0).getSizeBytes()).isPositive();
    }

    @Test
    void alterColumnTypeRewritesTheTable() throws Exception {
        sql("CREATE TABLE public.ledger (id int PRIMARY KEY, amount int)", "INSERT INTO public.ledger VALUES (1, 10)",
            "ALTER TABLE public.ledger ALTER COLUMN amount TYPE bigint");
        SchemaChangeEvent event = events.awaitSchemaChange(e -> "ALTER TABLE".equals(e.getCommandTag())
                && e.getStatement().contains("ALTER COLUMN amount TYPE bigint"));
        assertThat(event.getRewrites()).singleElement().satisfies(r -> assertThat(r.getReasons()).contains("column type or storage change"));
        assertThat(event.getTables().get(0).getColumns().get(1).getDataType()).isEqualTo("bigint");
    }

    @Test
    void createIndexPlainAndConcurrently() throws Exception {
        sql("CREATE TABLE public.events_log (id int PRIMARY KEY, kind text)", "INSERT INTO public.events_log SELECT g, 'k' || g FROM generate_series(1, 1000) g",
            "CREATE INDEX events_log_kind_idx ON public.events_log (kind)",
            "CREATE INDEX CONCURRENTLY events_log_kind_id_idx ON public.events_log (kind, id)");
        SchemaChangeEvent plain = awaitTag("CREATE INDEX", "public.events_log_kind_idx");
        assertThat(plain.getObjectType()).isEqualTo("index");
        assertThat(plain.getTables()).singleElement().satisfies(t -> {
            assertThat(t.getTableName()).isEqualTo("events_log");
            assertThat(t.getEstimatedRows()).isEqualTo(1000);
        });
        SchemaChangeEvent concurrent = awaitTag("CREATE INDEX", "public.events_log_kind_id_idx");
        assertThat(concurrent.getStatement()).containsIgnoringCase("CONCURRENTLY");
        assertThat(concurrent.getTables().get(0).getIndexes()).anySatisfy(i -> {
            assertThat(i.getName()).isEqualTo("events_log_kind_id_idx");
            assertThat(i.getColumns()).containsExactly("kind", "id");
            assertThat(i.getValid()).isTrue();
        });
    }

    @Test
    void renameColumnAndDropColumn() throws Exception {
        sql("CREATE TABLE public.people (id int PRIMARY KEY, nick text, age int)",
            "ALTER TABLE public.people RENAME COLUMN nick TO nickname",
            "ALTER TABLE public.people DROP COLUMN age");
        SchemaChangeEvent rename = events.awaitSchemaChange(e -> e.getStatement() != null && e.getStatement().contains("RENAME COLUMN nick"));
        assertThat(rename.getTables().get(0).getColumns()).extracting(ColumnSnapshot::getName).containsExactly("id", "nickname", "age");
        SchemaChangeEvent drop = events.awaitSchemaChange(e -> e.getStatement() != null && e.getStatement().contains("DROP COLUMN age"));
        assertThat(drop.getDroppedObjects()).anySatisfy(d -> {
            assertThat(d.getObjectType()).isEqualTo("table column");
            assertThat(d.getObjectIdentity()).isEqualTo("public.people.age");
        });
        assertThat(drop.getTables().get(0).getColumns()).extracting(ColumnSnapshot::getName).containsExactly("id", "nickname");
    }

    @Test
    void dropTableNamesTheDroppedTable() throws Exception {
        sql("CREATE TABLE public.scratch (id int)", "DROP TABLE public.scratch");
        SchemaChangeEvent drop = awaitTag("DROP TABLE", "public.scratch");
        assertThat(drop.getObjectType()).isEqualTo("table");
        assertThat(drop.getDroppedObjects()).anySatisfy(d -> assertThat(d.getOriginal()).isTrue());
        assertThat(drop.getTables()).isEmpty();
    }

    @Test
    void twoDdlsInOneTransactionShareItAndARolledBackDdlLeavesNothing() throws Exception {
        try (Connection connection = postgres.connect(DATABASE)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE public.tx_a (id int PRIMARY KEY)");
                statement.execute("CREATE TABLE public.tx_b (id int PRIMARY KEY)");
                connection.commit();
                statement.execute("CREATE TABLE public.rolled_back (id int)");
                connection.rollback();
            }
        }
        sql("CREATE TABLE public.after_rollback (id int PRIMARY KEY)");
        SchemaChangeEvent a = awaitTag("CREATE TABLE", "public.tx_a");
        SchemaChangeEvent b = awaitTag("CREATE TABLE", "public.tx_b");
        assertThat(a.getSource().getTransactionId()).isEqualTo(b.getSource().getTransactionId());
        assertThat(b.getInTransactionBlock()).isTrue();
        awaitTag("CREATE TABLE", "public.after_rollback");
        assertThat(events.schemaChanges).noneMatch(e -> "public.rolled_back".equals(e.getObjectIdentity()));
    }

    @Test
    void dataChangesOfAuditedTablesArriveWithSensitiveColumnsMasked() throws Exception {
        sql("INSERT INTO public.accounts VALUES (7, 'jane@example.com', 10.50)",
            "UPDATE public.accounts SET balance = 20 WHERE id = 7");
        DataChangeEvent insert = events.awaitDataChange(e -> e.getOperation() == Operation.INSERT && "7".equals(e.getKey().get("id")));
        assertThat(insert.getAfter().get("balance")).isEqualTo("10.50");
        assertThat(insert.getAfter().get("email")).startsWith("hmac:").doesNotContain("jane");
        assertThat(insert.getMaskedColumns()).containsExactly("email");
        DataChangeEvent update = events.awaitDataChange(e -> e.getOperation() == Operation.UPDATE && "7".equals(e.getKey().get("id")));
        assertThat(update.getBefore().get("balance")).isEqualTo("10.50");
        assertThat(update.getAfter().get("balance")).isEqualTo("20.00");
        assertThat(update.getAfter().get("email")).isEqualTo(insert.getAfter().get("email"));
    }

    @Test
    void dataChangesCarryTheActorTheApplicationDeclaredForItsTransaction() throws Exception {
        sql("BEGIN; SET LOCAL schemagov.actor = 'alice@example.com'; "
                + "INSERT INTO public.accounts VALUES (201, 'a201@example.com', 1); "
                + "UPDATE public.accounts SET balance = 2 WHERE id = 201; COMMIT",
            "INSERT INTO public.accounts VALUES (202, 'a202@example.com', 1)");

        DataChangeEvent declared = events.awaitDataChange(e -> e.getOperation() == Operation.UPDATE
                && "201".equals(e.getKey().get("id")));
        DataChangeEvent undeclared = events.awaitDataChange(e -> "202".equals(e.getKey().get("id")));

        assertThat(declared.getActor().getDeclared()).isEqualTo("alice@example.com");
        assertThat(declared.getActor().getRole()).isEqualTo("postgres");
        assertThat(undeclared.getActor().getDeclared()).isNull();
        assertThat(undeclared.getActor().getRole()).isEqualTo("postgres");
    }

    @Test
    void anAuditedTablePatternCoversEveryTableItMatches() throws Exception {
        sql("INSERT INTO public.ledger_2025 VALUES (1, 10)", "INSERT INTO public.ledger_2026 VALUES (1, 20)");

        assertThat(events.awaitDataChange(e -> e.getTableName().equals("ledger_2025")).getAfter()).containsEntry("amount", "10");
        assertThat(events.awaitDataChange(e -> e.getTableName().equals("ledger_2026")).getAfter()).containsEntry("amount", "20");
    }

    @Test
    void plantedPersonalDataNeverReachesKafka() throws Exception {
        sql("INSERT INTO public.patients VALUES (1, 'Planted Person', '+1-555-0199', '1980-02-29', 'planted note', 3)");

        DataChangeEvent insert = events.awaitDataChange(e -> e.getTableName().equals("patients"));

        assertThat(insert.getAfter()).containsEntry("visits", "3").doesNotContainKey("note");
        assertThat(insert.getAfter().get("full_name")).startsWith("hmac:");
        assertThat(insert.getAfter().get("mobile_phone")).startsWith("hmac:");
        assertThat(insert.getAfter().get("birth_date")).startsWith("hmac:");
        assertThat(insert.getMaskedColumns()).containsExactlyInAnyOrder("full_name", "mobile_phone", "birth_date", "note");
        String everything = new String(EventCodec.encode(insert), StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain("Planted", "555-0199", "1980", "planted note");
    }

    @Test
    void auditedChangesAreHashChainedPerTableWithoutGapsAcrossARestart() throws Exception {
        sql("INSERT INTO public.accounts VALUES (101, 'ann@example.com', 1), (102, 'bob@example.com', 2)",
            "UPDATE public.accounts SET balance = 5 WHERE id = 101");
        events.awaitDataChange(e -> e.getOperation() == Operation.UPDATE && "101".equals(e.getKey().get("id")));
        ingest.close();
        sql("DELETE FROM public.accounts WHERE id = 102");
        ingest = startApplication();
        sql("INSERT INTO public.accounts VALUES (103, 'cy@example.com', 3)");
        events.awaitDataChange(e -> e.getOperation() == Operation.DELETE && "102".equals(e.getKey().get("id")));
        events.awaitDataChange(e -> e.getOperation() == Operation.INSERT && "103".equals(e.getKey().get("id")));

        List<DataChangeEvent> accounts = events.dataChanges.stream()
                .filter(e -> e.getTableName().equals("accounts") && e.getSource().getDatabase().equals("it")).toList();
        assertThat(accounts).allSatisfy(e -> assertThat(e.getChain()).isNotNull());
        Map<Long, List<DataChangeEvent>> bySequence = accounts.stream()
                .collect(Collectors.groupingBy(e -> e.getChain().getSequence(), TreeMap::new, Collectors.toList()));
        // A change repeated after a restart carries the very same link; it never gets a second one.
        bySequence.values().forEach(same -> assertThat(same.stream().map(e -> e.getChain().getHash()).distinct())
                .hasSize(1));
        List<ChainedRecord> chain = bySequence.values().stream().map(same -> same.get(0))
                .map(e -> new ChainedRecord(e.getSource().getPosition(), e.getChain().getSequence(),
                        e.getChain().getPreviousHash(), e.getChain().getHash(), () -> AuditFacts.of(e)))
                .toList();
        assertThat(chain).hasSizeGreaterThanOrEqualTo(4);
        assertThat(AuditChain.verify(chain, null)).extracting(ChainVerification::intact, ChainVerification::reason)
                .containsExactly(true, null);
    }

    @Test
    void unreadableCaptureMessageGoesToTheDeadLetterTopic() throws Exception {
        sql("SELECT pg_logical_emit_message(true, 'schemagov.ddl', 'this is not json')");
        var dead = events.awaitDeadLetter(r -> new String(r.value(), StandardCharsets.UTF_8).equals("this is not json"));
        assertThat(new String(dead.headers().lastHeader("schemagov.dlt.reason").value(), StandardCharsets.UTF_8))
                .startsWith("unreadable DDL capture message");
        sql("CREATE TABLE public.after_poison (id int PRIMARY KEY)");
        awaitTag("CREATE TABLE", "public.after_poison");
    }

    @Test
    void restartLosesNothingAndDoesNotRetakeTheBaseline() throws Exception {
        sql("CREATE TABLE public.before_restart (id int PRIMARY KEY)");
        awaitTag("CREATE TABLE", "public.before_restart");
        ingest.close();
        sql("CREATE TABLE public.while_stopped (id int PRIMARY KEY)");
        ingest = startApplication();
        sql("CREATE TABLE public.after_restart (id int PRIMARY KEY)");
        awaitTag("CREATE TABLE", "public.while_stopped");
        awaitTag("CREATE TABLE", "public.after_restart");
        assertThat(events.schemaChanges.stream().filter(e -> e.getKind() == ChangeKind.BASELINE
                && e.getTables().get(0).getTableName().equals("legacy_log"))).hasSize(1);
    }

    @Test
    void prometheusEndpointCountsPublishedEventsAndShowsTheSlotLagAndLastEventAge() throws Exception {
        sql("CREATE TABLE public.metered (id bigint PRIMARY KEY)");
        awaitTag("CREATE TABLE", "public.metered");
        PrometheusScrape scrape = PrometheusScrape.await(((WebServerApplicationContext) ingest).getWebServer().getPort(), s -> s.value("schemagov_ingest_events_total", "source", "it",
                "kind", "schema") >= 1 && s.value("schemagov_ingest_replication_slot_lag_bytes", "source", "it") >= 0);

        assertThat(scrape.value("schemagov_ingest_last_event_age_seconds", "source", "it")).isBetween(0.0, 60.0);
    }

    @Test
    void roleWithoutPrivilegeGetsTheSqlToRun() throws Exception {
        sql("DO $$ BEGIN CREATE ROLE limited_user LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        SourceProperties limited = new SourceProperties("limited", postgres.jdbcUrl(DATABASE), "limited_user", "x",
                List.of(), List.of(), true, "", "", false, null, 0, true);
        assertThatThrownBy(() -> new CaptureInstaller().install(limited))
                .isInstanceOf(CaptureSetupException.class)
                .hasMessageContaining("may not install the DDL capture")
                .hasMessageContaining("CREATE EVENT TRIGGER schemagov_ddl_command_end");
    }

    private static SchemaChangeEvent awaitTag(String tag, String identity) {
        return events.awaitSchemaChange(e -> tag.equals(e.getCommandTag()) && identity.equals(e.getObjectIdentity()));
    }

    private static void sql(String... statements) throws Exception {
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
