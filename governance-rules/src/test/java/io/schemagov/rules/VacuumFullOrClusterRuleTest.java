package io.schemagov.rules;

import static io.schemagov.rules.Cases.fires;
import static io.schemagov.rules.Cases.silent;
import static io.schemagov.rules.Events.ddl;
import static io.schemagov.rules.Tables.GB;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.model.MaintenanceRun;
import io.schemagov.model.SchemaChangeEvent;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VacuumFullOrClusterRuleTest {

    private final VacuumFullOrClusterRule rule = new VacuumFullOrClusterRule();

    /** A run as the ingest's maintenance monitor records it: sizes from pg_class, no snapshot. */
    static SchemaChangeEvent run(String command, String sql, long rows, long bytes, long totalBytes, String index) {
        SchemaChangeEvent event = ddl(command, "public.orders", sql).objectType("table").build();
        event.setMaintenance(MaintenanceRun.newBuilder().setSchemaName("public").setTableName("orders").setPid(4242)
                .setStartedAt(Instant.parse("2025-01-15T10:00:00Z")).setPhase("seq scanning heap").setIndexName(index)
                .setEstimatedRows(rows).setPages(bytes / 8192).setSizeBytes(bytes).setTotalBytes(totalBytes).build());
        return event;
    }

    static Stream<Arguments> rewrites() {
        return Stream.of(
                fires("huge table", run("VACUUM FULL", "VACUUM FULL orders", 12_000_000, 3 * GB, 4 * GB, null),
                        Severity.CRITICAL, "VACUUM FULL is rewriting public.orders under an ACCESS EXCLUSIVE lock "
                                + "(≈12M rows, 3 GB, 4 GB with indexes and TOAST): reads and writes blocked until "
                                + "the copy and every index rebuild finish"),
                fires("large table", run("VACUUM FULL", "vacuum (full, verbose) orders", 2_500_000, 400_000_000,
                        400_000_000, null), Severity.HIGH, "(≈2.5M rows, 381 MB)"),
                fires("medium table", run("VACUUM FULL", "VACUUM FULL orders", 250_000, 40_000_000, 50_000_000,
                        null), Severity.MEDIUM, "≈250k rows"),
                fires("small table", run("VACUUM FULL", "VACUUM FULL orders", 850, 65536, 65536, null),
                        Severity.LOW, "(≈850 rows, 64 kB)"),
                fires("CLUSTER names its index", run("CLUSTER", "CLUSTER orders USING orders_created_idx",
                        2_500_000, 400_000_000, 500_000_000, "orders_created_idx"), Severity.HIGH,
                        "CLUSTER is rewriting public.orders in the order of index orders_created_idx under an "
                                + "ACCESS EXCLUSIVE lock"),
                fires("no size: unknown is not small", ddl("CLUSTER", "public.orders", "CLUSTER orders")
                        .objectType("table").build(), Severity.HIGH, "(size unknown)"));
    }

    static Stream<Named<SchemaChangeEvent>> others() {
        return Stream.of(
                silent("a plain VACUUM is not seen as one", ddl("VACUUM", "public.orders", "VACUUM orders").build()),
                silent("ALTER TABLE", ddl("ALTER TABLE", "public.orders", "ALTER TABLE orders CLUSTER ON x")
                        .build()),
                silent("CLUSTER without a table", ddl("CLUSTER", null, "CLUSTER").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewrites")
    void flagsFullRewrites(SchemaChangeEvent event, Severity severity, List<String> fragments) {
        List<Finding> findings = rule.evaluate(event, RuleSettings.defaults());

        assertThat(findings).hasSize(1);
        Cases.assertFinding(findings.get(0), rule.info(), severity, fragments);
        assertThat(findings.get(0).object()).isEqualTo("public.orders");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("others")
    void staysQuietOtherwise(SchemaChangeEvent event) {
        assertThat(rule.evaluate(event, RuleSettings.defaults())).isEmpty();
    }
}
