package io.schemagov.analyzer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The analyzer service: checks every change against the governance rules and indexes the results. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnalyzerApplication {

    /** Configuration file name: analyzer.yml, so the services' defaults do not shadow each other on one classpath. */
    public static final String CONFIG_NAME = "analyzer";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file (analyzer.yml on the classpath or beside the jar). */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(AnalyzerApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
