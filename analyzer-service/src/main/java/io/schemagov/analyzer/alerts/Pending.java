package io.schemagov.analyzer.alerts;

/** What the analysis hands a channel: a finding that may need an alert, or a change of status of one that may have had one. */
sealed interface Pending {

    record Raised(FindingAlert finding) implements Pending {
    }

    record StatusChanged(String findingId, String status) implements Pending {
    }
}
