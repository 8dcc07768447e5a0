package io.schemagov.lint;

import io.schemagov.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line, validated.
 *
 * @param rulesFile the rules file to read, or null for the rules as shipped
 * @param failOn    the lowest severity of an open finding that fails the run, or null for none
 * @param paths     the files and directories to lint, as given
 */
record LintOptions(boolean help, TransactionMode transactions, String rulesFile, Format format, Severity failOn,
        List<String> paths) {

    enum Format {
        TEXT, JSON
    }

    static final String USAGE = """
            Usage: java -jar schemagov-lint.jar [options] FILE|DIR...

            Lints PostgreSQL migration files with Schemagov's rules before they ship. A directory is read for
            its *.sql files in the order a migration runner applies them (Flyway's V1__, V1.1__, V2__ ... by
            version, other names in natural order, R__ last).

            Options:
              --transaction=explicit|per-file
                                  explicit (the default): only the file's own BEGIN / START TRANSACTION
                                  ... COMMIT / END / ROLLBACK open a transaction block.
                                  per-file: the migration runner wraps each file in a transaction, as
                                  Flyway, Liquibase and Rails do by default.
              --rules-file PATH   the rules file the analyzer takes (enable, disable, severity, suppress).
              --format=text|json  the report on standard output (default text).
              --fail-on=info|low|medium|high|critical|none
                                  exit with 1 when an open (not suppressed) finding is at or above this
                                  severity (default high).
              --help              this text.

            Exit codes: 0 passed, 1 findings at or above --fail-on, 2 a bad option, file or rules file.
            """;

    /** @throws InputException naming the bad option or value */
    static LintOptions parse(String[] args) {
        boolean help = false;
        TransactionMode transactions = TransactionMode.EXPLICIT;
        String rulesFile = null;
        Format format = Format.TEXT;
        Severity failOn = Severity.HIGH;
        List<String> paths = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                paths.add(arg);
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = arg.contains("=");
            switch (name) {
                case "--" -> optionsEnded = true;
                case "--help", "-h" -> help = true;
                case "--transaction" -> transactions = transactionMode(inline ? valueOf(arg) : next(args, ++i, name));
                case "--rules-file" -> rulesFile = inline ? valueOf(arg) : next(args, ++i, name);
                case "--format" -> format = format(inline ? valueOf(arg) : next(args, ++i, name));
                case "--fail-on" -> failOn = failOn(inline ? valueOf(arg) : next(args, ++i, name));
                default -> throw new InputException("unknown option " + name + " (see --help)");
            }
        }
        if (!help && paths.isEmpty()) {
            throw new InputException("no migration file or directory given (see --help)");
        }
        return new LintOptions(help, transactions, rulesFile, format, failOn, List.copyOf(paths));
    }

    private static String valueOf(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static String next(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new InputException(option + " needs a value (see --help)");
        }
        return args[index];
    }

    private static TransactionMode transactionMode(String value) {
        TransactionMode mode = TransactionMode.parse(value);
        if (mode == null) {
            throw new InputException("--transaction must be explicit or per-file, not '" + value + "'");
        }
        return mode;
    }

    private static Format format(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "text" -> Format.TEXT;
            case "json" -> Format.JSON;
            default -> throw new InputException("--format must be text or json, not '" + value + "'");
        };
    }

    private static Severity failOn(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.equals("NONE")) {
            return null;
        }
        for (Severity severity : Severity.values()) {
            if (severity.name().equals(upper)) {
                return severity;
            }
        }
        throw new InputException("--fail-on must be one of info, low, medium, high, critical, none, not '"
                + value + "'");
    }
}
