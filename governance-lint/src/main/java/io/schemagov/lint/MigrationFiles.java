package io.schemagov.lint;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration files named on the command line: files as given, and each directory's {@code *.sql} files (not
 * its subdirectories) in the order a migration runner applies them: Flyway's versioned files (V1__, V1.1__,
 * V2__, V10__) by version, then other names in natural order (001_init before 10_users), then repeatable ones (R__).
 */
final class MigrationFiles {

    private static final Pattern VERSIONED = Pattern.compile("[Vv](\\d+(?:[._]\\d+)*)__.*");
    private static final Pattern DIGITS = Pattern.compile("\\d+|\\D+");

    /** The order within a directory. */
    static final Comparator<Path> ORDER = Comparator.comparingInt(MigrationFiles::rank)
            .thenComparing(MigrationFiles::compareVersions).thenComparing(MigrationFiles::naturalCompare);

    private MigrationFiles() {
    }

    /**
     * @throws InputException naming an argument that is neither a readable file nor a directory, or when no
     *                        file is found at all
     */
    static List<Path> expand(List<String> arguments) {
        List<Path> files = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                files.addAll(sqlFilesIn(path));
            } else if (Files.isRegularFile(path) && Files.isReadable(path)) {
                files.add(path);
            } else {
                throw new InputException(argument + ": no such file or directory, or not readable");
            }
        }
        if (files.isEmpty()) {
            throw new InputException("no .sql files in " + String.join(", ", arguments));
        }
        return files;
    }

    private static List<Path> sqlFilesIn(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted(ORDER).toList();
        } catch (IOException e) {
            throw new InputException(directory + ": cannot list the directory (" + e.getMessage() + ")");
        }
    }

    private static int rank(Path path) {
        String name = path.getFileName().toString();
        if (VERSIONED.matcher(name).matches()) {
            return 0;
        }
        return name.startsWith("R__") || name.startsWith("r__") ? 2 : 1;
    }

    /** Flyway's versions part by part, 1 before 1.1 before 1.2 before 2 before 10; 0 unless both are versioned. */
    private static int compareVersions(Path a, Path b) {
        List<BigInteger> left = version(a);
        List<BigInteger> right = version(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int c = left.get(i).compareTo(right.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static List<BigInteger> version(Path path) {
        Matcher m = VERSIONED.matcher(path.getFileName().toString());
        if (!m.matches()) {
            return List.of();
        }
        return Stream.of(m.group(1).split("[._]")).map(BigInteger::new).toList();
    }

    /** Runs of digits compare as numbers, everything else as text. */
    private static int naturalCompare(Path a, Path b) {
        String left = a.getFileName().toString();
        String right = b.getFileName().toString();
        Matcher l = DIGITS.matcher(left);
        Matcher r = DIGITS.matcher(right);
        while (l.find() && r.find()) {
            String x = l.group();
            String y = r.group();
            int c = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
                    ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return left.compareTo(right);
    }
}
