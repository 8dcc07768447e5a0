package io.schemagov.lint;

import io.schemagov.lint.LintOptions.Format;
import io.schemagov.lint.LintReport.FileResult;
import io.schemagov.rules.RuleEngine;
import io.schemagov.rules.config.RulesFile;
import io.schemagov.rules.config.RulesFileException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The migration lint's command line: {@code java -jar schemagov-lint.jar [options] FILE|DIR...}. Exit code 0 when
 * nothing open reaches {@code --fail-on}, 1 when something does, 2 for a bad option, file or rules file (one line
 * on standard error naming it, never a stack trace).
 */
public final class LintCommand {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private LintCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the lint with the given streams; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            LintOptions options = LintOptions.parse(args);
            if (options.help()) {
                out.print(LintOptions.USAGE);
                return PASSED;
            }
            RuleEngine engine = engine(options.rulesFile());
            MigrationLinter linter = new MigrationLinter(engine, options.transactions(), Instant.now());
            List<FileResult> results = new ArrayList<>();
            for (Path file : MigrationFiles.expand(options.paths())) {
                results.add(linter.lint(file.toString(), read(file)));
            }
            LintReport report = new LintReport(results);
            out.print(options.format() == Format.JSON ? JsonReport.render(report, options.failOn())
                    : TextReport.render(report, options.failOn()));
            out.flush();
            return report.failsAt(options.failOn()) ? FAILED : PASSED;
        } catch (InputException e) {
            err.println("schemagov-lint: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static RuleEngine engine(String rulesFile) {
        if (rulesFile == null) {
            return LintRules.engine(RulesFile.empty(), "the built-in rules");
        }
        try {
            return LintRules.engine(RulesFile.parse(rulesFile, read(Path.of(rulesFile))), rulesFile);
        } catch (RulesFileException e) {
            throw new InputException("bad rules file: " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read it as UTF-8 text (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
