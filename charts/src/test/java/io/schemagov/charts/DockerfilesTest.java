package io.schemagov.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The services' Dockerfiles: a Java 17 runtime, the jar that the build really produces, a
 * numeric non-root user, and the port that the service and its chart use. No Docker engine is
 * needed: the files are read, not built.
 */
class DockerfilesTest {

    private static final String VERSION = System.getProperty("schemagov.version");

    /** One instruction of a Dockerfile, continuation lines joined. */
    record Instruction(String keyword, String arguments) {
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void startsFromAJava17RuntimeImage(String service) throws IOException {
        assertThat(only(service, "FROM")).startsWith("eclipse-temurin:17-jre");
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void copiesTheExecutableJarThatTheBuildProduces(String service) throws Exception {
        String[] copy = only(service, "COPY").split("\\s+");
        String produced = "target/" + service + "-" + VERSION + "-" + classifier(service) + ".jar";

        assertThat(VERSION).as("schemagov.version, set by the build").isNotBlank();
        assertThat(copy).hasSize(2);
        assertThat(FileSystems.getDefault().getPathMatcher("glob:" + copy[0]).matches(Path.of(produced)))
                .as("%s copies %s, the build produces %s", service, copy[0], produced).isTrue();
        assertThat(only(service, "ENTRYPOINT")).isEqualTo("[\"java\", \"-jar\", \"" + copy[1] + "\"]");
        Path built = serviceDir(service).resolve(produced);
        if (Files.exists(built)) {
            assertThat(Files.size(built)).as("%s, when packaged", built).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void runsAsANumericNonRootUser(String service) throws IOException {
        List<Instruction> users = instructions(service).stream().filter(i -> i.keyword().equals("USER")).toList();

        assertThat(users).as("USER of %s", service).isNotEmpty();
        Matcher user = Pattern.compile("(\\d+)(?::(\\d+))?").matcher(users.get(users.size() - 1).arguments());
        assertThat(user.matches()).as("numeric, so that Kubernetes can check runAsNonRoot").isTrue();
        assertThat(Integer.parseInt(user.group(1))).isPositive();
        assertThat(user.group(2) == null || Integer.parseInt(user.group(2)) > 0).isTrue();
        Object chartUser = load(Charts.source(service).resolve("values.yaml")).get("containerSecurityContext") instanceof Map<?, ?> context
                ? context.get("runAsUser") : null;
        assertThat(chartUser).as("the chart runs the image's user").isEqualTo(Integer.parseInt(user.group(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void writesOnlyToTmpAndTheDataVolume(String service) throws IOException {
        String volumes = only(service, "VOLUME");

        assertThat(volumes.replaceAll("[\\[\\]\" ]", "").split(",")).isSubsetOf("/tmp", "/data");
    }

    @ParameterizedTest
    @ValueSource(strings = {Charts.INGEST, Charts.ANALYZER, Charts.DASHBOARD})
    void exposesThePortOfTheServiceAndOfItsChart(String service) throws IOException {
        int exposed = Integer.parseInt(only(service, "EXPOSE"));
        String configName = service.replace("-service", "");
        Map<String, Object> config = load(serviceDir(service).resolve("src/main/resources/" + configName + ".yml"));
        Map<String, Object> values = load(Charts.source(service).resolve("values.yaml"));

        assertThat(((Map<?, ?>) config.get("server")).get("port")).isEqualTo(exposed);
        assertThat(((Map<?, ?>) values.get("containerPorts")).get("http")).isEqualTo(exposed);
    }

    private static Path serviceDir(String service) {
        return Path.of("..", service).toAbsolutePath().normalize();
    }

    private static String only(String service, String keyword) throws IOException {
        List<Instruction> found = instructions(service).stream().filter(i -> i.keyword().equals(keyword)).toList();
        assertThat(found).as("%s instructions in %s/Dockerfile", keyword, service).hasSize(1);
        return found.get(0).arguments();
    }

    private static List<Instruction> instructions(String service) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(serviceDir(service).resolve("Dockerfile"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String[] parts = current.toString().strip().split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : ""));
            current.setLength(0);
        }
        return instructions;
    }

    /** The classifier of the executable jar, from the spring-boot-maven-plugin of the service's pom. */
    private static String classifier(String service) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(serviceDir(service).resolve("pom.xml").toFile());
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (plugin.getElementsByTagName("artifactId").item(0).getTextContent().equals("spring-boot-maven-plugin")) {
                return plugin.getElementsByTagName("classifier").item(0).getTextContent().strip();
            }
        }
        throw new AssertionError("no spring-boot-maven-plugin in " + service + "/pom.xml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path yaml) throws IOException {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(yaml));
    }
}
