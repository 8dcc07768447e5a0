package io.schemagov.analyzer.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A wrong alert setting stops start-up with a message naming it (and never printing a secret URL). */
class AlertsConfigurationTest {

    private static final String SECRET_URL = "https://hooks.example.invalid/services/T000/B000/s3cr3t";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AlertProperties.class)
    static class Checked {
        @Bean
        String checked(AlertProperties alerts) {
            AlertsConfiguration.check(alerts);
            return "ok";
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Checked.class)
            .withPropertyValues(
                    "schemagov.analyzer.alerts.channels.slack.type=SLACK",
                    "schemagov.analyzer.alerts.channels.slack.url=" + SECRET_URL,
                    "schemagov.analyzer.alerts.channels.events.type=KAFKA");

    @Test
    void validRoutesStart() {
        runner.withPropertyValues("schemagov.analyzer.alerts.routes[0].min-severity=critical",
                        "schemagov.analyzer.alerts.routes[0].channels=slack,events")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AlertProperties alerts = context.getBean(AlertProperties.class);
                    assertThat(alerts.routes().get(0).minSeverity()).isEqualTo(io.schemagov.rules.Severity.CRITICAL);
                    assertThat(alerts.channels().get("events").topic()).isEqualTo("schemagov.alerts");
                    assertThat(alerts.toString()).doesNotContain("s3cr3t").contains("(secret)");
                });
    }

    @Test
    void channelsAndRoutesCanComeFromTheEnvironment() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(Checked.class)
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                                "SCHEMAGOV_ANALYZER_ALERTS_CHANNELS_OPS_TYPE", "WEBHOOK",
                                "SCHEMAGOV_ANALYZER_ALERTS_CHANNELS_OPS_URL", SECRET_URL,
                                "SCHEMAGOV_ANALYZER_ALERTS_ROUTES_0_CHANNELS_0", "ops"))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    AlertProperties alerts = context.getBean(AlertProperties.class);
                    assertThat(alerts.channels().get("ops").url()).isEqualTo(SECRET_URL);
                    assertThat(alerts.routes().get(0).channels()).containsExactly("ops");
                });
    }

    @Test
    void unknownChannelStopsStartUpNamingTheRoute() {
        runner.withPropertyValues("schemagov.analyzer.alerts.routes[0].channels=slack,pager")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("schemagov.analyzer.alerts.routes[0].channels: unknown channel 'pager'"));
    }

    @Test
    void badSeverityStopsStartUpNamingTheSetting() {
        runner.withPropertyValues("schemagov.analyzer.alerts.routes[0].min-severity=urgent",
                        "schemagov.analyzer.alerts.routes[0].channels=slack")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'schemagov.analyzer.alerts.routes[0].min-severity'"));
    }

    @Test
    void routeWithoutChannelsStopsStartUp() {
        runner.withPropertyValues("schemagov.analyzer.alerts.routes[0].min-severity=high")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("routes[0].channels"));
    }

    @Test
    void emailChannelWithoutRecipientsStopsStartUpAndHidesThePassword() {
        runner.withPropertyValues("schemagov.analyzer.alerts.channels.mail.type=EMAIL",
                        "schemagov.analyzer.alerts.channels.mail.smtp.host=smtp.test.invalid",
                        "schemagov.analyzer.alerts.channels.mail.smtp.password=s3cr3t",
                        "schemagov.analyzer.alerts.channels.mail.from=schemagov@test.invalid")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("schemagov.analyzer.alerts.channels.mail.to"));
        assertThat(new AlertProperties.Smtp("smtp.test.invalid", 587, "alerts", "s3cr3t", true).toString())
                .doesNotContain("s3cr3t").contains("(secret)");
    }

    @Test
    void webhookWithoutUsableUrlStopsStartUpWithoutShowingIt() {
        runner.withPropertyValues("schemagov.analyzer.alerts.channels.teams.type=TEAMS",
                        "schemagov.analyzer.alerts.channels.teams.url=ftp://s3cr3t")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("schemagov.analyzer.alerts.channels.teams.url")
                        .message().doesNotContain("s3cr3t"));
    }
}
