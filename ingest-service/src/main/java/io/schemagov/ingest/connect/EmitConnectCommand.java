package io.schemagov.ingest.connect;

import io.schemagov.ingest.IngestApplication;
import io.schemagov.ingest.config.ConnectProperties;
import io.schemagov.ingest.config.IngestProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar ingest-service-exec.jar emit-connect [--property=value ...]}: reads the ingest's configuration
 * as the service would (ingest.yml, environment, arguments), writes the Kafka Connect deployment with
 * {@link ConnectEmitter} and exits, without connecting to anything.
 */
public final class EmitConnectCommand {

    public static final String NAME = "emit-connect";

    private EmitConnectCommand() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** @return the files written */
    public static List<Path> run(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties("spring.config.name=" + IngestApplication.CONFIG_NAME)
                .run(Arrays.copyOfRange(args, 1, args.length))) {
            return new ConnectEmitter().emit(context.getBean(IngestProperties.class), context.getBean(ConnectProperties.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka Connect configuration: " + e.getMessage(), e);
        }
    }

    /** Only the configuration: no ingest, no web server, no connection. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({IngestProperties.class, ConnectProperties.class})
    static class Settings {
    }
}
