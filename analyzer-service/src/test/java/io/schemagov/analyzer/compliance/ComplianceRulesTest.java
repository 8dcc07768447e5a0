package io.schemagov.analyzer.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.analyzer.config.ComplianceProperties;
import io.schemagov.analyzer.config.ComplianceProperties.ChangeWindow;
import io.schemagov.model.Actor;
import io.schemagov.model.ChangeKind;
import io.schemagov.model.DataActor;
import io.schemagov.model.DataChangeEvent;
import io.schemagov.model.Operation;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.model.SourceKind;
import io.schemagov.model.SourcePosition;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplianceRulesTest {

    /** Weekdays 08:00-18:00 in Berlin; 2026-11-20 is a Friday. */
    private static final ChangeWindow OFFICE_HOURS = new ChangeWindow(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), "08:00", "18:00", "Europe/Berlin");
    private static final Instant FRIDAY_NOON_BERLIN = Instant.parse("2026-11-20T11:00:00Z");
    private static final Instant FRIDAY_NIGHT_BERLIN = Instant.parse("2026-11-20T22:30:00Z");

    private static ComplianceRules rules(int bulkRows, List<String> ddlRoles, boolean ddlInWindows) {
        return new ComplianceRules(new ComplianceProperties(bulkRows, List.of(OFFICE_HOURS), List.of("public.payments"),
                List.of("*.*_history", "audit.*"), List.of("deleted_at"), ddlRoles, ddlInWindows,
                List.of("public.invoices")));
    }

    private static DataChangeEvent change(String table, Operation operation, long tx, Instant at, Map<String, String> before) {
        return DataChangeEvent.newBuilder()
                .setSource(SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase("shop")
                        .setPosition("0/" + tx).setTransactionId(tx).setCommitTime(at).build())
                .setSchemaName(table.substring(0, table.indexOf('.'))).setTableName(table.substring(table.indexOf('.') + 1))
                .setOperation(operation).setKey(Map.of("id", "1")).setBefore(before)
                .setAfter(operation == Operation.DELETE ? null : Map.of("id", "1")).setEventTime(at).build();
    }

    private static List<String> ids(List<ComplianceFinding> findings) {
        return findings.stream().map(f -> f.rule().id()).toList();
    }

    @Test
    void aBulkDeleteIsReportedAtTheThresholdAndWhenItsCountDoubles() {
        ComplianceRules rules = rules(3, List.of(), false);
        List<String> messages = new ArrayList<>();
        for (int row = 1; row <= 13; row++) {
            rules.evaluate(change("public.orders", Operation.DELETE, 7, FRIDAY_NOON_BERLIN, Map.of("id", "1")))
                    .forEach(f -> messages.add(f.rule().id() + ": " + f.message()));
        }

        assertThat(messages).containsExactly(
                "bulk-delete: at least 3 rows of public.orders deleted by transaction 7 (threshold 3)",
                "bulk-delete: at least 6 rows of public.orders deleted by transaction 7 (threshold 3)",
                "bulk-delete: at least 12 rows of public.orders deleted by transaction 7 (threshold 3)");
    }

    @Test
    void rowsConsumedAgainAfterARewindAreNotCountedTwice() {
        ComplianceRules rules = rules(4, List.of(), false);
        List<String> messages = new ArrayList<>();
        // Offsets 10-12, the batch rewound and consumed again from 10, then 13-14: five rows, not eight.
        for (long offset : new long[] {10, 11, 12, 10, 11, 12, 13, 14}) {
            rules.evaluate(change("public.orders", Operation.DELETE, 7, FRIDAY_NOON_BERLIN, Map.of("id", "1")), 0, offset)
                    .forEach(f -> messages.add(f.message()));
        }

        assertThat(messages).containsExactly("at least 4 rows of public.orders deleted by transaction 7 (threshold 4)");
    }

    @Test
    void rowsOfOtherTransactionsTablesOrOperationsAreCountedApart() {
        ComplianceRules rules = rules(2, List.of(), false);

        assertThat(rules.evaluate(change("public.orders", Operation.UPDATE, 1, FRIDAY_NOON_BERLIN, null))).isEmpty();
        assertThat(rules.evaluate(change("public.orders", Operation.DELETE, 1, FRIDAY_NOON_BERLIN, null))).isEmpty();
        assertThat(rules.evaluate(change("public.items", Operation.UPDATE, 1, FRIDAY_NOON_BERLIN, null))).isEmpty();
        assertThat(rules.evaluate(change("public.orders", Operation.UPDATE, 2, FRIDAY_NOON_BERLIN, null))).isEmpty();
        assertThat(rules.evaluate(change("public.orders", Operation.INSERT, 1, FRIDAY_NOON_BERLIN, null))).isEmpty();
        assertThat(ids(rules.evaluate(change("public.orders", Operation.UPDATE, 1, FRIDAY_NOON_BERLIN, null))))
                .containsExactly("bulk-update");
    }

    @Test
    void aHardDeleteWhereRowsAreSoftDeletedIsReported() {
        ComplianceRules rules = rules(1000, List.of(), false);

        assertThat(ids(rules.evaluate(change("public.orders", Operation.DELETE, 1, FRIDAY_NOON_BERLIN,
                Map.of("id", "1", "deleted_at", "2026-01-01"))))).containsExactly("hard-delete-in-soft-delete-table");
        assertThat(rules.evaluate(change("public.items", Operation.DELETE, 2, FRIDAY_NOON_BERLIN, Map.of("id", "1"))))
                .isEmpty();
    }

    @Test
    void changingAnAppendOnlyTableIsTamperingButAddingToItIsNot() {
        ComplianceRules rules = rules(1000, List.of(), false);

        assertThat(rules.evaluate(change("public.orders_history", Operation.INSERT, 1, FRIDAY_NOON_BERLIN, null))).isEmpty();
        assertThat(ids(rules.evaluate(change("public.orders_history", Operation.UPDATE, 2, FRIDAY_NOON_BERLIN, null))))
                .containsExactly("append-only-table-modified");
        assertThat(ids(rules.evaluate(change("audit.logins", Operation.DELETE, 3, FRIDAY_NOON_BERLIN, null))))
                .containsExactly("append-only-table-modified");
    }

    @Test
    void aSensitiveTableChangedOutsideTheWindowsIsReported() {
        ComplianceRules rules = rules(1000, List.of(), false);

        assertThat(rules.evaluate(change("public.payments", Operation.UPDATE, 1, FRIDAY_NOON_BERLIN, null))).isEmpty();
        assertThat(rules.evaluate(change("public.payments", Operation.UPDATE, 2, FRIDAY_NIGHT_BERLIN, null)))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("outside the change windows"));
        assertThat(rules.evaluate(change("public.orders", Operation.UPDATE, 3, FRIDAY_NIGHT_BERLIN, null))).isEmpty();
    }

    @Test
    void ddlByAnotherRoleOrOutsideTheWindowsIsReportedButNeverABaseline() {
        ComplianceRules rules = rules(1000, List.of("migrator"), true);

        assertThat(rules.evaluate(ddl("migrator", ChangeKind.DDL, FRIDAY_NOON_BERLIN))).isEmpty();
        assertThat(ids(rules.evaluate(ddl("alice", ChangeKind.DDL, FRIDAY_NOON_BERLIN))))
                .containsExactly("ddl-role-not-allowed");
        assertThat(ids(rules.evaluate(ddl("migrator", ChangeKind.DDL, FRIDAY_NIGHT_BERLIN))))
                .containsExactly("ddl-outside-window");
        assertThat(rules.evaluate(ddl("alice", ChangeKind.BASELINE, FRIDAY_NIGHT_BERLIN))).isEmpty();
    }

    @Test
    void aChangeToATableThatRequiresAnActorMustNameOne() {
        ComplianceRules rules = rules(1000, List.of(), false);
        DataChangeEvent anonymous = change("public.invoices", Operation.INSERT, 1, FRIDAY_NOON_BERLIN, null);
        DataChangeEvent roleOnly = DataChangeEvent.newBuilder(change("public.invoices", Operation.INSERT, 2,
                FRIDAY_NOON_BERLIN, null)).setActor(DataActor.newBuilder().setRole("app").build()).build();
        DataChangeEvent declared = DataChangeEvent.newBuilder(change("public.invoices", Operation.INSERT, 3,
                FRIDAY_NOON_BERLIN, null)).setActor(DataActor.newBuilder().setRole("app").setDeclared("alice").build()).build();

        assertThat(rules.evaluate(anonymous)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("no actor was recorded at all"));
        assertThat(rules.evaluate(roleOnly)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("session role app"));
        assertThat(rules.evaluate(declared)).isEmpty();
        assertThat(rules.evaluate(change("public.orders", Operation.INSERT, 4, FRIDAY_NOON_BERLIN, null))).isEmpty();
    }

    @Test
    void aWindowPastMidnightBelongsToTheDayItStarts() {
        ChangeWindows nights = new ChangeWindows(List.of(new ChangeWindow(List.of(DayOfWeek.FRIDAY), "22:00", "02:00", "UTC")));

        assertThat(nights.contains(Instant.parse("2026-11-20T23:00:00Z"))).isTrue();
        assertThat(nights.contains(Instant.parse("2026-11-21T01:00:00Z"))).isTrue();
        assertThat(nights.contains(Instant.parse("2026-11-21T03:00:00Z"))).isFalse();
        assertThat(nights.contains(Instant.parse("2026-11-20T01:00:00Z"))).isFalse();
    }

    private static SchemaChangeEvent ddl(String role, ChangeKind kind, Instant at) {
        return SchemaChangeEvent.newBuilder()
                .setSource(SourcePosition.newBuilder().setKind(SourceKind.POSTGRESQL).setDatabase("shop").setPosition("0/9").build())
                .setKind(kind).setCommandTag("ALTER TABLE").setObjectIdentity("public.orders").setSchemaName("public")
                .setActor(Actor.newBuilder().setRole(role).build()).setEventTime(at).build();
    }
}
