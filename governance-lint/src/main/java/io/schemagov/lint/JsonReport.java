package io.schemagov.lint;

import io.schemagov.lint.LintReport.FileResult;
import io.schemagov.lint.LintReport.LintFinding;
import io.schemagov.lint.LintReport.Note;
import io.schemagov.rules.Finding;
import io.schemagov.rules.Severity;
import java.util.StringJoiner;

/** The report as one JSON document, for CI annotations and other tools. */
final class JsonReport {

    private JsonReport() {
    }

    static String render(LintReport report, Severity failOn) {
        StringJoiner files = new StringJoiner(",", "[", "]");
        int findings = 0;
        for (FileResult file : report.files()) {
            files.add(file(file));
            findings += file.findings().size();
        }
        return "{\"files\":" + files + ",\"summary\":{\"files\":" + report.files().size() + ",\"findings\":"
                + findings + ",\"failOn\":" + Json.quote(failOn == null ? "NONE" : failOn.name()) + ",\"failed\":"
                + report.failsAt(failOn) + "}}\n";
    }

    private static String file(FileResult file) {
        StringJoiner findings = new StringJoiner(",", "[", "]");
        file.findings().forEach(finding -> findings.add(finding(finding)));
        StringJoiner notes = new StringJoiner(",", "[", "]");
        for (Note note : file.notes()) {
            notes.add("{\"line\":" + note.line() + ",\"message\":" + Json.quote(note.message()) + "}");
        }
        return "{\"file\":" + Json.quote(file.file()) + ",\"findings\":" + findings + ",\"notes\":" + notes + "}";
    }

    private static String finding(LintFinding lint) {
        Finding f = lint.finding();
        String suppression = f.suppression() == null ? "null"
                : "{\"source\":" + Json.quote(f.suppression().source().name()) + ",\"reason\":"
                        + Json.quote(f.suppression().reason()) + "}";
        return "{\"line\":" + lint.line() + ",\"commandTag\":" + Json.quote(lint.commandTag()) + ",\"rule\":"
                + Json.quote(f.ruleId()) + ",\"severity\":" + Json.quote(f.severity().name()) + ",\"object\":"
                + Json.quote(f.object()) + ",\"message\":" + Json.quote(f.message()) + ",\"remediation\":"
                + Json.quote(f.remediation()) + ",\"suppressed\":" + f.suppressed() + ",\"suppression\":"
                + suppression + "}";
    }
}
