package io.schemagov.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.ingest.capture.CaptureInstaller;
import io.schemagov.ingest.config.SourceProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DBA's script sets up what the embedded ingest would, for the configured tables only. */
class CaptureScriptTest {

    private static SourceProperties source(List<String> audited, boolean actors) {
        return source(audited, actors, true);
    }

    private static SourceProperties source(List<String> audited, boolean actors, boolean truncates) {
        return new SourceProperties("orders", "jdbc:postgresql://db:5432/orders", "cdc", "s3cret", List.of("public"),
                audited, true, "", "", actors, null, 0, truncates);
    }

    @Test
    void holdsTheCaptureThenThePublicationOfTheAuditedTables() {
        String sql = CaptureScript.setup(source(List.of("public.customers", "billing.*"), false), new CaptureInstaller());

        assertThat(sql).contains(new CaptureInstaller().script());
        assertThat(sql).contains("audited text[] := ARRAY['public.customers', 'billing.%']::text[]");
        assertThat(sql).contains("IF to_regclass('\"public\".\"customers\"') IS NULL THEN");
        assertThat(sql).contains("EXECUTE format('CREATE PUBLICATION %I', 'schemagov_orders')");
        assertThat(sql).contains("REPLICA IDENTITY FULL").doesNotContain("CREATE TRIGGER schemagov_actor").doesNotContain("s3cret");
    }

    @Test
    void putsTheActorTriggerOnAuditedTablesWhenTheSourceAttributesChanges() {
        assertThat(CaptureScript.setup(source(List.of("public.customers"), true), new CaptureInstaller()))
                .contains("CREATE TRIGGER schemagov_actor");
    }

    @Test
    void putsTheTruncateTriggerOnEveryTableUnlessTruncateCaptureIsOff() {
        assertThat(CaptureScript.setup(source(List.of(), false), new CaptureInstaller()))
                .endsWith("SELECT schemagov.sync_truncate_capture(true) AS truncate_capture_skipped;\n");
        assertThat(CaptureScript.setup(source(List.of(), false, false), new CaptureInstaller()))
                .endsWith("SELECT schemagov.sync_truncate_capture(false) AS truncate_capture_skipped;\n");
    }

    @Test
    void anUnderscoreInATableNameIsNoWildcard() {
        assertThat(CaptureScript.likePattern("public.order_items")).isEqualTo("public.order\\_items");
        assertThat(CaptureScript.likePattern("public.ledger_*")).isEqualTo("public.ledger\\_%");
    }

    @Test
    void theBaselineNamesTheSlotAndSchemas() {
        assertThat(CaptureScript.baseline(source(List.of(), false)))
                .contains("SELECT schemagov.take_baseline('schemagov_orders', ARRAY['public']::text[]);");
    }
}
