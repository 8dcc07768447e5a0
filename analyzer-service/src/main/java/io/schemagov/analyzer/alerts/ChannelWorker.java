package io.schemagov.analyzer.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread of one channel: collects what arrives until a quiet period or the group window ends, hands it to the
 * {@link ChannelDispatch}, and sends the summary of rate-limited alerts once a token is free.
 * Its queue is bounded: when a channel is so far behind that the queue stays full, an alert is recorded as failed
 * and dead-lettered instead of queued, so that a down receiver never stalls the analysis and nothing is dropped
 * silently.
 */
final class ChannelWorker {

    private static final Logger log = LoggerFactory.getLogger(ChannelWorker.class);
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);
    /** How long a full queue may hold up the analysis before the alert is given up as failed. */
    private static final Duration OFFER_WAIT = Duration.ofMillis(100);

    private final String name;
    private final ChannelDispatch dispatch;
    private final Duration window;
    private final Duration quiet;
    private final BooleanSupplier analysisBusy;
    private final BlockingQueue<Pending> queue;
    private final int capacity;
    private volatile boolean running;
    private Thread thread;

    ChannelWorker(String name, ChannelDispatch dispatch, Duration window, Duration quiet, BooleanSupplier analysisBusy, int capacity) {
        this.name = name;
        this.dispatch = dispatch;
        this.window = window;
        this.quiet = quiet;
        this.analysisBusy = analysisBusy;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.capacity = capacity;
    }

    void offer(Pending pending) {
        try {
            if (!queue.offer(pending, OFFER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                dispatch.overflow(pending, capacity);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing an alert for channel " + name, e);
        }
    }

    void start() {
        running = true;
        thread = new Thread(this::run, "alerts-" + name);
        thread.start();
    }

    /** Sends what is queued (rate limit or not: nothing is left in memory), then ends. */
    void stop(Duration wait) {
        running = false;
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive() || !queue.isEmpty()) {
            log.error("channel {}: {} alerts were not sent before shutdown", name, queue.size());
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(dispatch.hasHeldBack() ? Math.min(IDLE_POLL_NANOS, dispatch.nanosUntilToken())
                        : IDLE_POLL_NANOS, TimeUnit.NANOSECONDS);
                if (first != null) {
                    handle(collect(first));
                }
                dispatch.sendHeldBack(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        dispatch.sendHeldBack(true);
        dispatch.close();
    }

    /**
     * What arrives after the first item until nothing came for the quiet period while the analysis is idle, or the
     * group window is over. Waiting out a busy analysis keeps a migration split over two polled batches in one message.
     */
    private List<Pending> collect(Pending first) throws InterruptedException {
        List<Pending> batch = new ArrayList<>(List.of(first));
        queue.drainTo(batch);
        long deadline = System.nanoTime() + window.toNanos();
        for (long left = window.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Pending next = queue.poll(Math.min(left, quiet.toNanos()), TimeUnit.NANOSECONDS);
            if (next == null) {
                if (analysisBusy.getAsBoolean()) {
                    continue;
                }
                break;
            }
            batch.add(next);
            queue.drainTo(batch);
        }
        return batch;
    }

    private void handle(List<Pending> batch) throws InterruptedException {
        while (true) {
            try {
                dispatch.dispatch(batch);
                return;
            } catch (RuntimeException e) {
                // Only the delivery log can fail here (deliveries record their own failures): without it we cannot
                // tell what was sent, so wait and try the batch again rather than risk a duplicate or a loss.
                if (!running) {
                    log.error("channel {}: {} alerts not sent at shutdown, the delivery log is unavailable: {}", name, batch.size(), e.toString());
                    return;
                }
                log.warn("channel {}: cannot dispatch {} alerts ({}); retrying in {} s", name, batch.size(), e.toString(),
                        PAUSE_AFTER_FAILURE.toSeconds());
                Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
            }
        }
    }
}
