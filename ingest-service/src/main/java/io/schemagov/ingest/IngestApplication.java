package io.schemagov.ingest;

import io.schemagov.ingest.connect.EmitConnectCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ingest service: streams schema and data changes of the monitored databases into Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

    /** Configuration file name: ingest.yml, so the services' defaults do not shadow each other on one classpath. */
    public static final String CONFIG_NAME = "ingest";

    public static void main(String[] args) {
        if (EmitConnectCommand.requested(args)) {
            try {
                EmitConnectCommand.run(args).forEach(file -> System.out.println("wrote " + file));
            } catch (IllegalArgumentException e) {
                System.err.println(EmitConnectCommand.NAME + ": " + e.getMessage());
                System.exit(2);
            }
            return;
        }
        application().run(args);
    }

    /** The application with its own configuration file (ingest.yml on the classpath or beside the jar). */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IngestApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
