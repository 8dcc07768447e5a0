package io.schemagov.ingest.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What {@code emit-connect} needs beyond the sources to write a Kafka Connect deployment: where to write it, and
 * where on the Connect workers the secrets and the audit chain journals live (the emitted files hold no secret,
 * only references through a worker config provider).
 *
 * @param outputDirectory      where the connector configurations and SQL scripts are written
 * @param configProvider       the name under which the workers declare Kafka's {@code FileConfigProvider}
 * @param secretsFile          the properties file on the workers with {@code <source>.password} and
 *                             {@code masking.hash-key}
 * @param workerStateDirectory the directory on the worker that runs a source's task, for its audit chain journal
 */
@Validated
@ConfigurationProperties("schemagov.ingest.connect")
public record ConnectProperties(
        @DefaultValue("./connect") Path outputDirectory,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be letters, digits, '_' or '-'")
        @DefaultValue("file") String configProvider,
        @NotBlank @DefaultValue("/etc/kafka-connect/schemagov-secrets.properties") String secretsFile,
        @NotBlank @DefaultValue("/var/lib/kafka-connect/schemagov") String workerStateDirectory) {

    /** A reference Connect resolves on the worker to the value of {@code key} in the secrets file. */
    public String secret(String key) {
        return "${" + configProvider + ":" + secretsFile + ":" + key + "}";
    }
}
