package io.schemagov.analyzer.alerts;

import io.schemagov.analyzer.alerts.AlertProperties.Route;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Decides which channels a finding goes to: the union of the channels of every route it matches. */
final class AlertRouter {

    private final List<Route> routes;

    AlertRouter(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    Set<String> channelsFor(FindingAlert finding) {
        Set<String> channels = new LinkedHashSet<>();
        if (!finding.mayAlert()) {
            return channels;
        }
        for (Route route : routes) {
            if (matches(route, finding)) {
                channels.addAll(route.channels());
            }
        }
        return channels;
    }

    private static boolean matches(Route route, FindingAlert finding) {
        return finding.severity().rank() >= route.minSeverity().rank()
                && anyOrIn(route.ruleIds(), finding.ruleId())
                && anyOrIn(route.databases(), finding.database())
                && anyOrIn(route.schemas(), finding.schema())
                && (route.tables().isEmpty() || route.tables().contains(finding.table())
                        || route.tables().contains(finding.qualifiedTable()))
                && (route.actors().isEmpty() || route.actors().contains(finding.actorRole())
                        || route.actors().contains(finding.actorApplication()));
    }

    private static boolean anyOrIn(List<String> wanted, String value) {
        return wanted.isEmpty() || wanted.contains(value);
    }
}
