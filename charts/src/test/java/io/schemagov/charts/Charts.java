package io.schemagov.charts;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The charts of this module, rendered through Helm's own library: by chart name, with values
 * set as on the command line ({@code --set}) and optionally a values file.
 */
final class Charts {

    static final String RELEASE = "sg";
    static final String NAMESPACE = "governance";
    /** The oldest Kubernetes the charts declare (kubeVersion), as the library defaults to an older one. */
    static final String KUBERNETES = "1.25.0";

    static final String INGEST = "ingest-service";
    static final String ANALYZER = "analyzer-service";
    static final String DASHBOARD = "dashboard";
    static final String UMBRELLA = "schemagov";

    private static Path umbrellaCopy;

    private Charts() {
    }

    /** The chart's directory in the source tree (the module's base directory holds the charts). */
    static Path source(String chart) {
        Path dir = Path.of(chart).toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            throw new IllegalStateException("no chart at " + dir + "; run the tests from the charts module");
        }
        return dir;
    }

    /**
     * A chart ready to render: a service chart in place; the umbrella chart as a copy (in
     * target/) whose dependencies were updated from the sibling charts, so that the source tree
     * never holds packaged subcharts.
     */
    static synchronized Path ready(String chart) {
        if (!chart.equals(UMBRELLA)) {
            return source(chart);
        }
        if (umbrellaCopy == null) {
            Path copy = Path.of("target", "charts-under-test").toAbsolutePath();
            deleteRecursively(copy);
            for (String each : new String[] {INGEST, ANALYZER, DASHBOARD, UMBRELLA}) {
                copyRecursively(source(each), copy.resolve(each));
            }
            new Helm(copy.resolve(UMBRELLA)).dependency().update().skipRefresh().call();
            umbrellaCopy = copy.resolve(UMBRELLA);
        }
        return umbrellaCopy;
    }

    /** {@code helm template} with the given values; fails on a rendering error. */
    static Manifests render(String chart, Map<String, ?> values) {
        return render(chart, null, values);
    }

    static Manifests render(String chart, Path valuesFile, Map<String, ?> values) {
        TemplateCommand command = new Helm(ready(chart)).template()
                .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBERNETES);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, ?> value : values.entrySet()) {
            command = command.set(value.getKey(), value.getValue());
        }
        String output = command.call();
        if (output == null) {
            throw new IllegalStateException(chart + " rendered nothing");
        }
        return Manifests.parse(output);
    }

    /** The rendered NOTES.txt, through a client-only dry-run install (helm template leaves the notes out). */
    static String notes(String chart, Map<String, ?> values) {
        InstallCommand command = new Helm(ready(chart)).install()
                .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBERNETES)
                .dryRun().withDryRunOption(DryRun.CLIENT).clientOnly();
        for (Map.Entry<String, ?> value : values.entrySet()) {
            command = command.set(value.getKey(), value.getValue());
        }
        String output = command.call().getOutput();
        int notes = output.indexOf("NOTES:");
        if (notes < 0) {
            throw new IllegalStateException(chart + " has no notes in: " + output);
        }
        return output.substring(notes);
    }

    private static void copyRecursively(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
