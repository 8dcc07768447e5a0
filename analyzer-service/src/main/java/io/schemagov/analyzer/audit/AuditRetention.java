package io.schemagov.analyzer.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.schemagov.analyzer.config.AuditRetentionProperties;
import io.schemagov.model.ElasticsearchIndices;
import io.schemagov.model.Globs;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drops expired daily audit indices whole (this Elasticsearch has no delete-by-query, and dropping an index is
 * cheap and leaves no holes in a day). Runs at start-up and then at the configured interval; a failed run is
 * logged and tried again at the next one.
 */
@Component
public class AuditRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final ElasticsearchClient client;
    private final AuditRetentionProperties properties;
    private final Clock clock;
    private final List<Compiled> rules;
    private ScheduledExecutorService timer;

    private record Compiled(Pattern pattern, int days) {
    }

    @Autowired
    public AuditRetention(ElasticsearchClient client, AuditRetentionProperties properties) {
        this(client, properties, Clock.systemUTC());
    }

    AuditRetention(ElasticsearchClient client, AuditRetentionProperties properties, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
        this.rules = properties.rules().stream().map(rule -> new Compiled(Globs.compile(rule.pattern()), rule.days())).toList();
    }

    /** Drops every expired audit index now; returns the names dropped. */
    public List<String> run() throws IOException {
        if (rules.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        List<String> dropped = new ArrayList<>();
        for (String index : client.indices().get(g -> g.index(ElasticsearchIndices.AUDIT_INDEX_PREFIX + "*")
                .ignoreUnavailable(true).allowNoIndices(true)).result().keySet()) {
            Optional<LocalDate> day = ElasticsearchIndices.auditIndexDay(index);
            Optional<Compiled> rule = rules.stream().filter(r -> r.pattern().matcher(index).matches()).findFirst();
            if (day.isPresent() && rule.isPresent() && day.get().isBefore(today.minusDays(rule.get().days()))) {
                client.indices().delete(d -> d.index(index));
                log.info("audit retention: dropped {} (older than {} days)", index, rule.get().days());
                dropped.add(index);
            }
        }
        return dropped;
    }

    @Override
    public void start() {
        if (rules.isEmpty()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "audit-retention"));
        long every = properties.interval().toMillis();
        timer.scheduleWithFixedDelay(this::runLogged, 0, every, TimeUnit.MILLISECONDS);
    }

    private void runLogged() {
        try {
            run();
        } catch (IOException | ElasticsearchException e) {
            log.warn("audit retention could not run, trying again in {}: {}", properties.interval(), e.getMessage());
        }
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
