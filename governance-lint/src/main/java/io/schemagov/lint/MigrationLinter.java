package io.schemagov.lint;

import io.schemagov.lint.LintReport.FileResult;
import io.schemagov.lint.LintReport.LintFinding;
import io.schemagov.lint.LintReport.Note;
import io.schemagov.lint.ScriptPart.MetaCommand;
import io.schemagov.lint.ScriptPart.Statement;
import io.schemagov.model.SchemaChangeEvent;
import io.schemagov.rules.Finding;
import io.schemagov.rules.RuleEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the rule engine over each DDL statement of a migration file, in a session that follows the file. */
final class MigrationLinter {

    private final RuleEngine engine;
    private final TransactionMode mode;
    private final Instant now;

    MigrationLinter(RuleEngine engine, TransactionMode mode, Instant now) {
        this.engine = engine;
        this.mode = mode;
        this.now = now;
    }

    /** The findings of one file; every file starts a new session, as a migration runner's connection may. */
    FileResult lint(String file, String sql) {
        Session session = new Session(mode);
        List<LintFinding> findings = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (ScriptPart part : StatementSplitter.split(sql)) {
            if (part instanceof MetaCommand meta) {
                notes.add(new Note(meta.line(), "psql meta-command skipped: " + meta.text()));
            } else if (part instanceof Statement statement && !session.apply(statement)) {
                Optional<DdlCommand> command = DdlCommand.of(statement);
                if (command.isPresent()) {
                    SchemaChangeEvent event = LintEvents.of(file, statement, command.get(), session, now);
                    for (Finding finding : engine.evaluate(event).findings()) {
                        findings.add(new LintFinding(statement.line(), command.get().commandTag(), finding));
                    }
                }
            }
        }
        return new FileResult(file, findings, notes);
    }
}
