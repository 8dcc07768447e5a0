package io.schemagov.analyzer.alerts;

import io.schemagov.analyzer.elasticsearch.IndexOperation;
import io.schemagov.model.ElasticsearchIndices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;

/**
 * The alert stage, fed with the finding writes of a batch once Elasticsearch has taken them (so an
 * alert never points at a finding nobody can find). It only routes and queues: each channel
 * sends on its own thread, so a slow webhook never stalls the analysis.
 */
public class AlertStage implements SmartLifecycle {

    private static final Set<String> CLOSING_STATUSES = Set.of("resolved", "acknowledged");

    private final AlertRouter router;
    private final Map<String, ChannelWorker> workers;
    private final AtomicInteger batchesInProgress;
    private volatile boolean running;

    AlertStage(AlertRouter router, Map<String, ChannelWorker> workers, AtomicInteger batchesInProgress) {
        this.router = router;
        this.workers = Map.copyOf(workers);
        this.batchesInProgress = batchesInProgress;
    }

    /** A batch of schema changes is being analysed: groups stay open for what it may add (up to the group window). */
    public void batchStarted() {
        batchesInProgress.incrementAndGet();
    }

    public void batchFinished() {
        batchesInProgress.decrementAndGet();
    }

    /** Takes the findings index writes that Elasticsearch accepted; blocks only when a channel's queue is full. */
    public void stored(List<IndexOperation> operations) {
        if (workers.isEmpty()) {
            return;
        }
        for (IndexOperation operation : operations) {
            if (!operation.index().equals(ElasticsearchIndices.FINDINGS)) {
                continue;
            }
            if (operation instanceof IndexOperation.Put put) {
                FindingAlert finding = FindingAlert.of(put.id(), put.document());
                router.channelsFor(finding).forEach(channel -> workers.get(channel).offer(new Pending.Raised(finding)));
            } else if (operation instanceof IndexOperation.Patch patch && patch.fields().get("status") instanceof String status
                    && CLOSING_STATUSES.contains(status)) {
                statusChanged(patch.id(), status);
            }
        }
    }

    /** A finding was resolved or acknowledged: channels that alerted it send a resolution, once. */
    public void statusChanged(String findingId, String status) {
        // Whether the finding was alerted on a channel is in that channel's delivery log.
        workers.values().forEach(worker -> worker.offer(new Pending.StatusChanged(findingId, status)));
    }

    boolean hasChannels() {
        return !workers.isEmpty();
    }

    @Override
    public void start() {
        workers.values().forEach(ChannelWorker::start);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        workers.values().forEach(worker -> worker.stop(Duration.ofSeconds(30)));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the consume loops (default phase), so every stored finding reaches its channels. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }
}
