package io.schemagov.analyzer.alerts;

/** Links from an alert into the dashboard. */
record Links(String dashboardUrl) {

    Links {
        dashboardUrl = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1) : dashboardUrl;
    }

    String finding(String findingId) {
        return dashboardUrl + "/api/findings/" + findingId;
    }
}
