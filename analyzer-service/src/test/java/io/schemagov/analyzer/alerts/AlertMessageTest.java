package io.schemagov.analyzer.alerts;

import static io.schemagov.analyzer.alerts.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.analyzer.alerts.AlertMessage.Kind;
import io.schemagov.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertMessageTest {

    @Test
    void burstOfOneDatabaseBecomesOneMessageListingEveryFinding() {
        List<FindingAlert> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            burst.add(finding("f" + i, "prod", Severity.HIGH));
        }
        List<AlertMessage> messages = AlertMessage.group("ops", Kind.ALERT, burst);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).findings()).hasSize(40);
        assertThat(messages.get(0).headline()).isEqualTo("40 risky changes on prod");
    }

    @Test
    void findingsOfDifferentDatabasesGoInSeparateMessages() {
        List<AlertMessage> messages = AlertMessage.group("ops", Kind.ALERT, List.of(
                finding("a", "prod", Severity.HIGH), finding("b", "billing", Severity.HIGH), finding("c", "prod", Severity.HIGH)));
        assertThat(messages).extracting(AlertMessage::database).containsExactly("prod", "billing");
        assertThat(messages.get(0).findings()).extracting(FindingAlert::findingId).containsExactly("a", "c");
    }

    @Test
    void messageIdIsStableForTheSameFindingsAndChannel() {
        List<FindingAlert> findings = List.of(finding("a", "prod", Severity.HIGH));
        assertThat(AlertMessage.group("ops", Kind.ALERT, findings).get(0).id())
                .isEqualTo(AlertMessage.group("ops", Kind.ALERT, findings).get(0).id())
                .isNotEqualTo(AlertMessage.group("pager", Kind.ALERT, findings).get(0).id())
                .isNotEqualTo(AlertMessage.group("ops", Kind.RESOLUTION, findings).get(0).id());
    }

    @Test
    void resolutionSaysHowManyFindingsWereResolved() {
        assertThat(AlertMessage.group("ops", Kind.RESOLUTION, List.of(finding("a", "prod", Severity.HIGH))).get(0).headline())
                .isEqualTo("1 finding resolved on prod");
    }

    @Test
    void summaryOverSeveralDatabasesSaysHowMany() {
        AlertMessage summary = AlertMessage.summary("ops", List.of(finding("a", "prod", Severity.HIGH), finding("b", "billing", Severity.HIGH)));
        assertThat(summary.heldBack()).isTrue();
        assertThat(summary.headline()).isEqualTo("Summary (rate limit): 2 risky changes on 2 databases");
    }
}
