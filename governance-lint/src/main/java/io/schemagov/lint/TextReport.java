package io.schemagov.lint;

import io.schemagov.lint.LintReport.FileResult;
import io.schemagov.lint.LintReport.LintFinding;
import io.schemagov.lint.LintReport.Note;
import io.schemagov.rules.Finding;
import io.schemagov.rules.Severity;
import java.util.Locale;

/** The report for people: one line per finding as file:line, its fix beneath, and a summary. */
final class TextReport {

    private TextReport() {
    }

    static String render(LintReport report, Severity failOn) {
        StringBuilder out = new StringBuilder();
        int findings = 0;
        int suppressed = 0;
        for (FileResult file : report.files()) {
            int next = 0; // notes and findings in line order
            for (LintFinding lint : file.findings()) {
                next = notes(out, file, next, lint.line());
                finding(out, file.file(), lint);
                findings++;
                suppressed += lint.finding().suppressed() ? 1 : 0;
            }
            notes(out, file, next, Integer.MAX_VALUE);
        }
        out.append(report.files().size()).append(report.files().size() == 1 ? " file, " : " files, ")
                .append(findings).append(findings == 1 ? " finding" : " findings")
                .append(suppressed == 0 ? "" : " (" + suppressed + " suppressed)").append(": ")
                .append(report.failsAt(failOn) ? "FAILED (open findings at or above " + failOn + ")"
                        : failOn == null ? "passed (--fail-on=none)" : "passed (nothing open at or above " + failOn + ")")
                .append('\n');
        return out.toString();
    }

    /** Writes the file's notes from index {@code next} that come before the line; returns the next one's index. */
    private static int notes(StringBuilder out, FileResult file, int next, int beforeLine) {
        int i = next;
        for (; i < file.notes().size() && file.notes().get(i).line() < beforeLine; i++) {
            Note note = file.notes().get(i);
            out.append(file.file()).append(':').append(note.line()).append(": note: ").append(note.message())
                    .append('\n');
        }
        return i;
    }

    private static void finding(StringBuilder out, String file, LintFinding lint) {
        Finding f = lint.finding();
        out.append(file).append(':').append(lint.line()).append(": ").append(f.severity()).append(' ')
                .append(f.ruleId()).append(": ").append(f.message()).append('\n');
        if (f.suppressed()) {
            out.append("    suppressed (").append(f.suppression().source().name().toLowerCase(Locale.ROOT))
                    .append("): ").append(f.suppression().reason()).append('\n');
        } else if (f.remediation() != null) {
            out.append("    fix: ").append(f.remediation()).append('\n');
        }
    }
}
