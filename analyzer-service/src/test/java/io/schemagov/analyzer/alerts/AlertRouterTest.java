package io.schemagov.analyzer.alerts;

import static io.schemagov.analyzer.alerts.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.analyzer.alerts.AlertProperties.Route;
import io.schemagov.rules.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRouterTest {

    private static Route route(Severity min, List<String> rules, List<String> databases, List<String> tables, List<String> actors,
                               String... channels) {
        return new Route(min, rules, databases, List.of(), tables, actors, List.of(channels));
    }

    @Test
    void routesBySeverityThreshold() {
        AlertRouter router = new AlertRouter(List.of(route(Severity.HIGH, null, null, null, null, "pager")));
        assertThat(router.channelsFor(finding("a", "prod", Severity.CRITICAL))).containsExactly("pager");
        assertThat(router.channelsFor(finding("b", "prod", Severity.HIGH))).containsExactly("pager");
        assertThat(router.channelsFor(finding("c", "prod", Severity.MEDIUM))).isEmpty();
    }

    @Test
    void everyListedCriterionMustMatch() {
        Route route = route(Severity.INFO, List.of("lock-heavy-alter"), List.of("prod"), List.of("public.orders"), List.of("flyway"), "ops");
        AlertRouter router = new AlertRouter(List.of(route));
        assertThat(router.channelsFor(finding("a", "prod", Severity.LOW))).containsExactly("ops");
        assertThat(router.channelsFor(finding("b", "staging", Severity.LOW))).isEmpty();
    }

    @Test
    void tableMatchesWithOrWithoutSchemaAndActorByRoleOrApplication() {
        assertThat(new AlertRouter(List.of(route(Severity.INFO, null, null, List.of("orders"), List.of("app_owner"), "ops")))
                .channelsFor(finding("a", "prod", Severity.LOW))).containsExactly("ops");
        assertThat(new AlertRouter(List.of(route(Severity.INFO, null, null, List.of("public.customers"), null, "ops")))
                .channelsFor(finding("a", "prod", Severity.LOW))).isEmpty();
        assertThat(new AlertRouter(List.of(route(Severity.INFO, null, null, null, List.of("someone_else"), "ops")))
                .channelsFor(finding("a", "prod", Severity.LOW))).isEmpty();
    }

    @Test
    void unionOfChannelsOfAllMatchingRoutesWithoutDuplicates() {
        AlertRouter router = new AlertRouter(List.of(
                route(Severity.INFO, null, null, null, null, "slack", "kafka"),
                route(Severity.CRITICAL, null, List.of("prod"), null, null, "pager", "slack")));
        assertThat(router.channelsFor(finding("a", "prod", Severity.CRITICAL))).containsExactly("slack", "kafka", "pager");
    }

    @Test
    void baselineFindingNeverAlerts() {
        Map<String, Object> doc = document();
        doc.put("baseline", true);
        AlertRouter router = new AlertRouter(List.of(route(Severity.INFO, null, null, null, null, "ops")));
        assertThat(router.channelsFor(FindingAlert.of("a", doc))).isEmpty();
    }

    @Test
    void suppressedFindingNeverAlerts() {
        Map<String, Object> doc = document();
        doc.put("status", "suppressed");
        AlertRouter router = new AlertRouter(List.of(route(Severity.INFO, null, null, null, null, "ops")));
        assertThat(router.channelsFor(FindingAlert.of("a", doc))).isEmpty();
        doc.put("status", "open");
        assertThat(router.channelsFor(FindingAlert.of("a", doc))).containsExactly("ops");
    }

    private static Map<String, Object> document() {
        Map<String, Object> doc = new HashMap<>();
        doc.put("ruleId", "primary-key-missing");
        doc.put("severity", "HIGH");
        doc.put("status", "open");
        doc.put("database", "prod");
        doc.put("schema", "public");
        doc.put("table", "t");
        doc.put("actor", Map.of("role", "app_owner", "application", "psql"));
        doc.put("baseline", false);
        return doc;
    }
}
