package io.schemagov.analyzer.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.schemagov.model.ElasticsearchIndices;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends resolutions for findings acknowledged in the dashboard. The dashboard writes the finding itself, so the
 * analyzer never sees the change go by; instead it searches, every few seconds, for acknowledgements newer than the
 * last it saw (looking a day back at start-up; a resolution already sent is not sent again).
 */
final class AcknowledgementWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementWatch.class);
    private static final Duration LOOK_BACK = Duration.ofDays(1);
    private static final int PAGE = 500;

    private final ElasticsearchClient client;
    private final AlertStage stage;
    private final Duration interval;
    private final Clock clock;
    private Instant watermark;
    private final Set<String> seenAtWatermark = new HashSet<>();
    private ScheduledExecutorService timer;

    AcknowledgementWatch(ElasticsearchClient client, AlertStage stage, Duration interval, Clock clock) {
        this.client = client;
        this.stage = stage;
        this.interval = interval;
        this.clock = clock;
    }

    /** Hands every acknowledgement newer than the last seen to the alert stage; returns how many. */
    @SuppressWarnings("rawtypes")
    int poll() throws IOException {
        List<Hit<Map>> hits = client.search(s -> s.index(ElasticsearchIndices.FINDINGS).ignoreUnavailable(true)
                .allowNoIndices(true).size(PAGE)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("status").value("acknowledged")))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("acknowledgement.at")
                                .gte(JsonData.of(watermark.toString())))))))
                .sort(o -> o.field(f -> f.field("acknowledgement.at").order(SortOrder.Asc))), Map.class).hits().hits();
        int handed = 0;
        for (Hit<Map> hit : hits) {
            Instant at = acknowledgedAt(hit);
            if (at == null || (at.equals(watermark) && seenAtWatermark.contains(hit.id()))) {
                continue;
            }
            if (at.isAfter(watermark)) {
                watermark = at;
                seenAtWatermark.clear();
            }
            seenAtWatermark.add(hit.id());
            stage.statusChanged(hit.id(), "acknowledged");
            handed++;
        }
        return handed;
    }

    private static Instant acknowledgedAt(Hit<Map> hit) {
        Object acknowledgement = hit.source() == null ? null : hit.source().get("acknowledgement");
        Object at = acknowledgement instanceof Map<?, ?> fields ? fields.get("at") : null;
        try {
            return at == null ? null : Instant.parse(at.toString());
        } catch (RuntimeException e) {
            return null; // an acknowledgement without a readable time cannot be ordered; it still shows in the dashboard
        }
    }

    /** Runs only with channels: without them there is nobody to tell. */
    @Override
    public void start() {
        watermark = clock.instant().minus(LOOK_BACK);
        if (!stage.hasChannels()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "alerts-acknowledgements"));
        timer.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (IOException | ElasticsearchException e) {
                log.warn("cannot look for acknowledged findings, trying again in {}: {}", interval, e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
