package io.schemagov.devstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where {@link SharedStack} gets its servers, chosen by the system property {@value #PROPERTY}. */
enum StackMode {

    /** The default: servers started from Maven artifacts on this machine. */
    EMBEDDED,
    /** PostgreSQL, Kafka and Elasticsearch as Docker containers through Testcontainers. */
    TESTCONTAINERS;

    static final String PROPERTY = "schemagov.stack";

    /** The mode the running JVM was started with. */
    static StackMode current() {
        return parse(System.getProperty(PROPERTY));
    }

    /** Unset or blank means {@link #EMBEDDED}; any other value than the modes' names is refused. */
    static StackMode parse(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        String name = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.propertyValue().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(PROPERTY + " must be one of " + allowed()
                        + " (default " + EMBEDDED.propertyValue() + "), not '" + value + "'"));
    }

    String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String allowed() {
        return Arrays.stream(values()).map(StackMode::propertyValue).collect(Collectors.joining(", "));
    }
}
