package io.schemagov.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlotLagReportsTest {

    private static final long THRESHOLD = 1000;
    private final SlotLagReports reports = new SlotLagReports();

    @Test
    void reportsTheFirstReadingEvenUnderTheThresholdSoThatAnOldFindingResolves() {
        assertThat(reports.shouldReport(10, THRESHOLD)).isTrue();
        reports.reported(10, THRESHOLD);
        assertThat(reports.shouldReport(20, THRESHOLD)).isFalse();
    }

    @Test
    void reportsEveryReadingOverTheThresholdAndTheFirstBackUnderIt() {
        reports.reported(10, THRESHOLD);
        assertThat(reports.shouldReport(THRESHOLD, THRESHOLD)).isTrue();
        reports.reported(THRESHOLD, THRESHOLD);
        assertThat(reports.shouldReport(5000, THRESHOLD)).isTrue();
        reports.reported(5000, THRESHOLD);
        assertThat(reports.shouldReport(999, THRESHOLD)).isTrue();
        reports.reported(999, THRESHOLD);
        assertThat(reports.shouldReport(998, THRESHOLD)).isFalse();
    }

    @Test
    void recoveryThatWasNotPublishedIsReportedAgainAtTheNextReading() {
        reports.reported(5000, THRESHOLD);
        assertThat(reports.shouldReport(10, THRESHOLD)).isTrue(); // publishing fails: reported() is not called
        assertThat(reports.shouldReport(10, THRESHOLD)).isTrue();
        reports.reported(10, THRESHOLD);
        assertThat(reports.shouldReport(10, THRESHOLD)).isFalse();
    }
}
