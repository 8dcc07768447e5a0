package io.schemagov.lint;

import io.schemagov.rules.Finding;
import io.schemagov.rules.Severity;
import java.util.List;

/**
 * What the lint found in the files it read, in their order.
 *
 * @param files each file's findings and notes
 */
record LintReport(List<FileResult> files) {

    LintReport {
        files = List.copyOf(files);
    }

    /**
     * One file's result.
     *
     * @param notes what the lint skipped or could not judge, e.g. psql meta-commands
     */
    record FileResult(String file, List<LintFinding> findings, List<Note> notes) {

        FileResult {
            findings = List.copyOf(findings);
            notes = List.copyOf(notes);
        }
    }

    /** A rule's finding on the statement that starts at the line. */
    record LintFinding(int line, String commandTag, Finding finding) {
    }

    record Note(int line, String message) {
    }

    /** Whether an open (not suppressed) finding is at or above the severity; never for a null threshold. */
    boolean failsAt(Severity threshold) {
        return threshold != null && files.stream().flatMap(file -> file.findings().stream())
                .map(LintFinding::finding)
                .anyMatch(finding -> !finding.suppressed() && finding.severity().rank() >= threshold.rank());
    }
}
