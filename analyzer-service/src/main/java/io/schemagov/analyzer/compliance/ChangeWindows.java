package io.schemagov.analyzer.compliance;

import io.schemagov.analyzer.config.ComplianceProperties.ChangeWindow;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/** Whether an instant falls into one of the configured weekly change windows. */
final class ChangeWindows {

    private final List<ChangeWindow> windows;

    ChangeWindows(List<ChangeWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    boolean configured() {
        return !windows.isEmpty();
    }

    boolean contains(Instant instant) {
        return windows.isEmpty() || windows.stream().anyMatch(window -> inside(window, instant));
    }

    private static boolean inside(ChangeWindow window, Instant instant) {
        ZonedDateTime local = instant.atZone(window.zoneId());
        LocalTime time = local.toLocalTime();
        LocalTime from = window.fromTime();
        LocalTime to = window.toTime();
        if (!from.isAfter(to)) {
            return window.days().contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
        }
        // Past midnight: the evening part belongs to the window's day, the early hours to the day before.
        return (window.days().contains(local.getDayOfWeek()) && !time.isBefore(from))
                || (window.days().contains(local.getDayOfWeek().minus(1)) && time.isBefore(to));
    }

    @Override
    public String toString() {
        return windows.toString();
    }
}
