package io.schemagov.ingest.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.schemagov.ingest.capture.CaptureInstaller;
import io.schemagov.ingest.config.ConnectProperties;
import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.config.SourceProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a Kafka Connect cluster and a DBA need to run the configured PostgreSQL sources without the embedded
 * ingest: per source the connector's REST request ({@code <source>.connector.json}, for {@code POST /connectors}),
 * the capture SQL ({@code <source>.capture.sql}) and the baseline SQL ({@code <source>.baseline.sql}); and the keys
 * the workers' secrets file must hold ({@code secrets.properties.example}, without values).
 */
public final class ConnectEmitter {

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final CaptureInstaller installer = new CaptureInstaller();

    /**
     * @return the files written
     * @throws IllegalArgumentException when a source is not PostgreSQL, before anything is written
     */
    public List<Path> emit(IngestProperties ingest, ConnectProperties connect) throws IOException {
        Map<SourceProperties, Map<String, String>> configs = new LinkedHashMap<>();
        for (SourceProperties source : ingest.sources()) {
            configs.put(source, ConnectorConfig.of(source, ingest, connect));
        }
        Path directory = Files.createDirectories(connect.outputDirectory());
        List<Path> written = new ArrayList<>();
        for (Map.Entry<SourceProperties, Map<String, String>> entry : configs.entrySet()) {
            SourceProperties source = entry.getKey();
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("name", ConnectorConfig.name(source));
            request.put("config", entry.getValue());
            written.add(write(directory.resolve(source.name() + ".connector.json"), json.writeValueAsString(request) + "\n"));
            written.add(write(directory.resolve(source.name() + ".capture.sql"), CaptureScript.setup(source, installer)));
            written.add(write(directory.resolve(source.name() + ".baseline.sql"), CaptureScript.baseline(source)));
        }
        StringBuilder secrets = new StringBuilder("# The secrets the connectors reference; fill in and install on every "
                + "Connect worker as\n# " + connect.secretsFile() + " (readable by the worker only), then declare in "
                + "the worker configuration:\n#   config.providers=" + connect.configProvider() + "\n#   config.providers."
                + connect.configProvider() + ".class=org.apache.kafka.common.config.provider.FileConfigProvider\n");
        ConnectorConfig.secretKeys(ingest.sources(), ingest).forEach(key -> secrets.append(key).append("=\n"));
        written.add(write(directory.resolve("secrets.properties.example"), secrets.toString()));
        return written;
    }

    private static Path write(Path file, String content) throws IOException {
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
