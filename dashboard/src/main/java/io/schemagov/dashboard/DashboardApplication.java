package io.schemagov.dashboard;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The Schemagov dashboard: a web page and a JSON API over the findings in Elasticsearch. */
@SpringBootApplication
public class DashboardApplication {

    /** Configuration file name: dashboard.yml, so the services' defaults do not shadow each other on one classpath. */
    public static final String CONFIG_NAME = "dashboard";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application with its own configuration file (dashboard.yml on the classpath or beside the jar). */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(DashboardApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
