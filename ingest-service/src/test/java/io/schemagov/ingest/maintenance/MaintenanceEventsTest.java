package io.schemagov.ingest.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.ingest.mapping.PartitionKeys;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MaintenanceEventsTest {

    private static final long STARTED = Instant.parse("2026-12-01T10:15:30.123456Z").getEpochSecond() * 1_000_000 + 123_456;

    private static MaintenanceActivity run(int pid, String command, String query) {
        return new MaintenanceActivity(pid, 16_536, command, STARTED, "rebuilding index", "public", "Orders",
                "public.\"Orders\"", command.equals("CLUSTER") ? "orders_pkey" : null, query, "dba", "psql", "10.0.0.7",
                12_000, 500, 800, 8192);
    }

    @Test
    void aRunBecomesADdlEventWithItsSessionAndItsSizeFromTheCatalog() {
        SchemaChangeEvent event = MaintenanceEvents.of("shop", run(4242, "VACUUM FULL", "VACUUM FULL \"Orders\""));

        assertThat(event.getKind()).isEqualTo(ChangeKind.DDL);
        assertThat(event.getCommandTag()).isEqualTo("VACUUM FULL");
        assertThat(event.getObjectIdentity()).isEqualTo("public.\"Orders\"");
        assertThat(event.getStatement()).isEqualTo("VACUUM FULL \"Orders\"");
        assertThat(event.getActor().getRole()).isEqualTo("dba");
        assertThat(event.getActor().getApplication()).isEqualTo("psql");
        assertThat(event.getActor().getClientAddress()).isEqualTo("10.0.0.7");
        assertThat(event.getEventTime()).isEqualTo(Instant.parse("2026-12-01T10:15:30.123Z"));
        assertThat(event.getTables()).as("no snapshot: reading it would wait for the ACCESS EXCLUSIVE lock").isEmpty();
        assertThat(event.getCaptureError()).isNull();
        assertThat(event.getMaintenance().getEstimatedRows()).isEqualTo(12_000);
        assertThat(event.getMaintenance().getSizeBytes()).isEqualTo(500L * 8192);
        assertThat(event.getMaintenance().getTotalBytes()).isEqualTo(800L * 8192);
        assertThat(event.getMaintenance().getPhase()).isEqualTo("rebuilding index");
        assertThat(event.getMaintenance().getPid()).isEqualTo(4242);
    }

    @Test
    void theSameRunSeenAgainHasTheSamePositionAndAnotherRunAnother() {
        SchemaChangeEvent first = MaintenanceEvents.of("shop", run(4242, "CLUSTER", "CLUSTER \"Orders\""));
        SchemaChangeEvent again = MaintenanceEvents.of("shop", run(4242, "CLUSTER", "CLUSTER \"Orders\""));
        SchemaChangeEvent other = MaintenanceEvents.of("shop", run(4243, "CLUSTER", "CLUSTER \"Orders\""));

        assertThat(again.getSource()).isEqualTo(first.getSource());
        assertThat(first.getSource().getKind()).isEqualTo(SourceKind.POSTGRESQL);
        assertThat(first.getSource().getPosition()).isEqualTo("maintenance/4242/" + STARTED + "/16536");
        assertThat(other.getSource().getPosition()).isNotEqualTo(first.getSource().getPosition());
        assertThat(first.getMaintenance().getIndexName()).isEqualTo("orders_pkey");
    }

    @Test
    void isKeyedByItsTableLikeEveryOtherEventAboutIt() {
        assertThat(PartitionKeys.of("shop", MaintenanceEvents.of("shop", run(1, "VACUUM FULL", "VACUUM FULL"))))
                .isEqualTo("shop/public.Orders");
    }

    @Test
    void aHiddenStatementIsRecordedAsWhatTheCaptureCouldNotSee() {
        SchemaChangeEvent event = MaintenanceEvents.of("shop", run(7, "VACUUM FULL", null));

        assertThat(event.getStatement()).isNull();
        assertThat(event.getCaptureError()).contains("pid 7").contains("pg_read_all_stats");
    }
}
