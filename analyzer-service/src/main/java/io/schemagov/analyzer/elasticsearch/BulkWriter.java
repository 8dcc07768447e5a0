package io.schemagov.analyzer.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.schemagov.analyzer.config.AnalyzerProperties;
import io.schemagov.analyzer.metrics.AnalyzerMetrics;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes operations to Elasticsearch in bulk requests: a large batch in up to {@code bulk-concurrency} requests at
 * once, split by document id so that the operations on one document stay in one request and in their order. Retriable failures (no connection,
 * 429, 502-504) are retried with growing back-off a bounded number of times, then reported
 * as {@link ElasticsearchUnavailableException} so the caller rewinds and tries the batch
 * later. Operations Elasticsearch refuses for good are returned with the reason.
 */
@Component
public class BulkWriter {

    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);
    private static final Set<Integer> RETRIABLE = Set.of(429, 502, 503, 504);
    private static final int ATTEMPTS = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    /** A batch smaller than twice this goes as one request: splitting it would cost more than it saves. */
    private static final int MIN_PART = 500;

    private final ElasticsearchClient client;
    private final AnalyzerMetrics metrics;
    private final int concurrency;
    private final ExecutorService parts;

    @Autowired
    public BulkWriter(ElasticsearchClient client, AnalyzerMetrics metrics, AnalyzerProperties properties) {
        this(client, metrics, properties.elasticsearch().bulkConcurrency());
    }

    public BulkWriter(ElasticsearchClient client, AnalyzerMetrics metrics, int concurrency) {
        this.client = client;
        this.metrics = metrics;
        this.concurrency = concurrency;
        this.parts = concurrency == 1 ? null : Executors.newFixedThreadPool(concurrency - 1, runnable -> {
            Thread thread = new Thread(runnable, "elasticsearch-bulk");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    public void close() {
        if (parts != null) {
            parts.shutdownNow();
        }
    }

    /** The operation at {@code position} of the request was refused for {@code reason}. */
    public record Rejection(int position, String reason) {
    }

    public List<Rejection> write(List<IndexOperation> operations, boolean refresh) {
        int count = Math.min(concurrency, operations.size() / MIN_PART);
        if (count < 2) {
            return writeOne(operations, refresh);
        }
        List<List<Integer>> positions = new ArrayList<>();
        for (int part = 0; part < count; part++) {
            positions.add(new ArrayList<>());
        }
        for (int i = 0; i < operations.size(); i++) {
            positions.get(Math.floorMod(operations.get(i).id().hashCode(), count)).add(i);
        }
        List<Future<List<Rejection>>> sent = new ArrayList<>();
        for (int part = 1; part < count; part++) {
            List<IndexOperation> ops = positions.get(part).stream().map(operations::get).toList();
            sent.add(parts.submit(() -> writeOne(ops, refresh)));
        }
        List<Rejection> rejections = new ArrayList<>();
        RuntimeException failure = null;
        try {
            shift(writeOne(positions.get(0).stream().map(operations::get).toList(), refresh), positions.get(0), rejections);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int part = 1; part < count; part++) {
            try {
                shift(sent.get(part - 1).get(), positions.get(part), rejections);
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException runtime ? runtime
                        : new ElasticsearchUnavailableException("bulk request failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ElasticsearchUnavailableException("interrupted while waiting for a bulk request", e);
            }
        }
        if (failure != null) {
            throw failure; // the caller writes the whole batch again later: every id is deterministic
        }
        rejections.sort(Comparator.comparingInt(Rejection::position));
        return rejections;
    }

    /** Rejections of a part, at their positions in the whole batch. */
    private static void shift(List<Rejection> part, List<Integer> positions, List<Rejection> into) {
        for (Rejection rejection : part) {
            into.add(new Rejection(positions.get(rejection.position()), rejection.reason()));
        }
    }

    private List<Rejection> writeOne(List<IndexOperation> operations, boolean refresh) {
        Map<Integer, IndexOperation> pending = new LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            pending.put(i, operations.get(i));
        }
        List<Rejection> rejections = new ArrayList<>();
        String lastProblem = "";
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                sleep(FIRST_BACKOFF.multipliedBy(1L << (attempt - 2)));
            }
            List<Integer> positions = new ArrayList<>(pending.keySet());
            long started = System.nanoTime();
            boolean answered = false;
            try {
                BulkResponse response = client.bulk(request(positions.stream().map(pending::get).toList(), refresh));
                answered = true;
                int refusedBefore = rejections.size();
                lastProblem = settle(response.items(), positions, pending, rejections);
                metrics.bulkFailures("retried-item", pending.size());
                metrics.bulkFailures("rejected-item", rejections.size() - refusedBefore);
            } catch (IOException e) {
                lastProblem = e.toString();
            } catch (ElasticsearchException e) {
                if (!RETRIABLE.contains(e.status())) {
                    throw e;
                }
                lastProblem = e.getMessage();
            } finally {
                metrics.bulk(answered, Duration.ofNanos(System.nanoTime() - started));
                if (!answered) {
                    metrics.bulkFailures("request", 1);
                }
            }
            if (!pending.isEmpty()) {
                log.warn("Elasticsearch bulk attempt {}/{}: {} operations to retry ({})", attempt, ATTEMPTS, pending.size(), lastProblem);
            }
        }
        if (!pending.isEmpty()) {
            throw new ElasticsearchUnavailableException("Elasticsearch did not take " + pending.size() + " writes after "
                    + ATTEMPTS + " attempts: " + lastProblem);
        }
        return rejections;
    }

    private static String settle(List<BulkResponseItem> items, List<Integer> positions, Map<Integer, IndexOperation> pending,
                                 List<Rejection> rejections) {
        String problem = "";
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            int position = positions.get(i);
            if (item.error() == null) {
                pending.remove(position);
            } else if (RETRIABLE.contains(item.status())) {
                problem = item.status() + " " + item.error().reason();
            } else if (item.status() == 404 && pending.get(position) instanceof IndexOperation.Patch) {
                pending.remove(position); // nothing to resolve: the finding was never opened
            } else {
                pending.remove(position);
                rejections.add(new Rejection(position, "Elasticsearch refused the write (" + item.status() + " "
                        + item.error().type() + "): " + item.error().reason()));
            }
        }
        return problem;
    }

    private static BulkRequest request(List<IndexOperation> operations, boolean refresh) {
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(refresh ? Refresh.True : Refresh.False);
        for (IndexOperation operation : operations) {
            if (operation instanceof IndexOperation.Put put) {
                bulk.operations(o -> o.index(i -> i.index(put.index()).id(put.id()).document(put.document())));
            } else if (operation instanceof IndexOperation.PutJson put) {
                bulk.operations(o -> o.index(i -> i.index(put.index()).id(put.id())
                        .document(BinaryData.of(put.json(), ContentType.APPLICATION_JSON))));
            } else if (operation instanceof IndexOperation.Patch patch) {
                bulk.operations(o -> o.update(u -> u.index(patch.index()).id(patch.id()).action(a -> a.doc(patch.fields()))));
            }
        }
        return bulk.build();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ElasticsearchUnavailableException("interrupted while waiting to retry", e);
        }
    }
}
