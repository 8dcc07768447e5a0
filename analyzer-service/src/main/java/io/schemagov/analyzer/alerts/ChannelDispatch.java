package io.schemagov.analyzer.alerts;

import io.schemagov.analyzer.alerts.AlertMessage.Kind;
import io.schemagov.analyzer.metrics.AnalyzerMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one channel does with a window's worth of pending alerts: drop those already delivered,
 * group the rest by database, send them while the rate limit allows and hold the rest back for
 * one summary, record every outcome in the delivery log, and dead-letter what failed for good.
 * Resolutions go only where the finding was alerted, and are not rate-limited: they end an incident.
 */
class ChannelDispatch {

    private static final Logger log = LoggerFactory.getLogger(ChannelDispatch.class);

    private final String name;
    private final AlertChannel channel;
    private final Deliverer deliverer;
    private final DeliveryLog deliveryLog;
    private final AlertDeadLetters deadLetters;
    private final TokenBucket bucket;
    private final AnalyzerMetrics metrics;
    private final List<FindingAlert> heldBack = new ArrayList<>();

    ChannelDispatch(String name, AlertChannel channel, Deliverer deliverer, DeliveryLog deliveryLog, AlertDeadLetters deadLetters,
                    TokenBucket bucket, AnalyzerMetrics metrics) {
        this.metrics = metrics;
        this.name = name;
        this.channel = channel;
        this.deliverer = deliverer;
        this.deliveryLog = deliveryLog;
        this.deadLetters = deadLetters;
        this.bucket = bucket;
    }

    void dispatch(List<Pending> batch) {
        Map<String, FindingAlert> raised = new LinkedHashMap<>();
        Map<String, String> statusChanges = new LinkedHashMap<>();
        for (Pending pending : batch) {
            if (pending instanceof Pending.Raised r) {
                raised.put(r.finding().findingId(), r.finding());
            } else if (pending instanceof Pending.StatusChanged s) {
                statusChanges.put(s.findingId(), s.status());
            }
        }
        raised.keySet().removeAll(alreadyAlerted(raised));
        for (AlertMessage message : AlertMessage.group(name, Kind.ALERT, List.copyOf(raised.values()))) {
            if (bucket.tryAcquire()) {
                deliver(message);
            } else {
                heldBack.addAll(message.findings());
            }
        }
        if (channel.supportsResolution() && !statusChanges.isEmpty()) {
            resolve(statusChanges);
        }
    }

    /**
     * The findings whose incident this channel already alerted: delivered, and not resolved since. A state finding
     * that was resolved and then opens again (a table broken again, a replication slot lagging again) is a new
     * incident and alerts again.
     */
    private Set<String> alreadyAlerted(Map<String, FindingAlert> raised) {
        Map<String, Map<String, Object>> alerted = deliveryLog.delivered(name, Kind.ALERT, List.copyOf(raised.keySet()));
        List<String> reopened = alerted.keySet().stream().filter(id -> "open".equals(raised.get(id).status())).toList();
        Map<String, Map<String, Object>> resolutions = reopened.isEmpty() ? Map.of()
                : deliveryLog.delivered(name, Kind.RESOLUTION, reopened);
        Set<String> skip = new HashSet<>(alerted.keySet());
        resolutions.forEach((id, resolution) -> {
            if (!before(resolution, alerted.get(id))) {
                skip.remove(id);
            }
        });
        return skip;
    }

    /** Whether a delivery log entry was recorded before another (entries without a time count as earliest). */
    private static boolean before(Map<String, Object> entry, Map<String, Object> other) {
        Object at = entry.get("at");
        Object otherAt = other.get("at");
        if (at == null || otherAt == null) {
            return at == null && otherAt != null;
        }
        return Instant.parse(at.toString()).isBefore(Instant.parse(otherAt.toString()));
    }

    private void resolve(Map<String, String> statusChanges) {
        List<String> ids = List.copyOf(statusChanges.keySet());
        Map<String, Map<String, Object>> alerted = deliveryLog.delivered(name, Kind.ALERT, ids);
        // Resolved already, unless the resolution ended an earlier incident of the finding than the last alert.
        deliveryLog.delivered(name, Kind.RESOLUTION, List.copyOf(alerted.keySet())).forEach((id, resolution) -> {
            if (!before(resolution, alerted.get(id))) {
                alerted.remove(id);
            }
        });
        List<FindingAlert> resolved = alerted.entrySet().stream()
                .map(e -> DeliveryLog.alerted(e.getKey(), e.getValue(), statusChanges.get(e.getKey()))).toList();
        AlertMessage.group(name, Kind.RESOLUTION, resolved).forEach(this::deliver);
    }

    boolean hasHeldBack() {
        return !heldBack.isEmpty();
    }

    long nanosUntilToken() {
        return bucket.nanosUntilToken();
    }

    /** Sends the held-back alerts as one summary when a token is free, or regardless when {@code force}d at shutdown. */
    void sendHeldBack(boolean force) {
        if (heldBack.isEmpty() || !(force || bucket.tryAcquire())) {
            return;
        }
        AlertMessage summary = AlertMessage.summary(name, heldBack);
        heldBack.clear();
        deliver(summary);
    }

    /**
     * The channel is so far behind that its queue is full: rather than stall the analysis, the alert is recorded as
     * failed and dead-lettered at once, without trying to send it. A status change that cannot be queued only costs
     * a resolution message, which is logged.
     */
    void overflow(Pending pending, int capacity) {
        String reason = "channel " + name + " has " + capacity + " alerts waiting: not sent, so that the analysis of "
                + "other changes goes on";
        if (pending instanceof Pending.Raised raised) {
            AlertMessage.group(name, Kind.ALERT, List.of(raised.finding()))
                    .forEach(message -> settle(message, new Deliverer.Outcome(false, 0, reason)));
        } else if (pending instanceof Pending.StatusChanged changed) {
            log.warn("no resolution for finding {} on channel {}: {}", changed.findingId(), name, reason);
        }
    }

    private void deliver(AlertMessage message) {
        settle(message, deliverer.deliver(name, channel, message));
    }

    private void settle(AlertMessage message, Deliverer.Outcome outcome) {
        metrics.alert(name, outcome.delivered());
        if (!outcome.delivered()) {
            log.error("alert {} to channel {} failed after {} attempts: {}", message.id(), name, outcome.attempts(), outcome.error());
            deadLetters.publish(name, message, outcome);
        }
        try {
            deliveryLog.record(name, message, outcome);
        } catch (RuntimeException e) {
            // Already sent (or dead-lettered): trying again would send it twice. A restart may repeat it, which beats losing it.
            log.error("alert {} to channel {} ({}) not recorded in the delivery log: {}", message.id(), name,
                    outcome.delivered() ? "delivered" : "failed", e.getMessage());
        }
    }

    void close() {
        channel.close();
    }
}
