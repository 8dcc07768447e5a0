package io.schemagov.ingest.metrics;

/**
 * Decides, for one slot, which lag readings become source health events: the first one after start-up (so that a
 * finding left open by an earlier run resolves), every reading at or over the threshold (the finding follows the lag),
 * and the first one back under it. A reading counts as reported only once Kafka took it, so a lost recovery event is
 * sent again at the next reading.
 */
final class SlotLagReports {

    /** Null until a reading was reported; then whether it was at or over the threshold. */
    private Boolean lastReportedOver;

    boolean shouldReport(long lagBytes, long thresholdBytes) {
        return lastReportedOver == null || lastReportedOver || lagBytes >= thresholdBytes;
    }

    void reported(long lagBytes, long thresholdBytes) {
        lastReportedOver = lagBytes >= thresholdBytes;
    }
}
