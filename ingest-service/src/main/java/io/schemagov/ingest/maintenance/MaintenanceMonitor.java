package io.schemagov.ingest.maintenance;

import io.schemagov.ingest.capture.CaptureSetupException;
import io.schemagov.ingest.config.IngestProperties;
import io.schemagov.ingest.config.MaintenanceProperties;
import io.schemagov.ingest.config.SourceProperties;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks, every {@code schemagov.ingest.maintenance-poll}, for VACUUM FULL and CLUSTER running in each PostgreSQL
 * source (no trigger fires for them) and publishes each run it has not seen yet as one schema change event. A run
 * counts as seen only once Kafka took its event, so a failed send is tried again at the next look; after a restart
 * a run still going is published again under the same source position, which downstream overwrites. A run that
 * starts and ends between two looks is missed.
 */
@Component
public class MaintenanceMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceMonitor.class);

    private final IngestProperties ingest;
    private final MaintenanceProperties properties;
    private final SchemaChangeSink sink;
    private final List<Watch> watches = new ArrayList<>();
    private volatile ScheduledExecutorService scheduler;

    public MaintenanceMonitor(IngestProperties ingest, MaintenanceProperties properties, SchemaChangeSink sink) {
        this.ingest = ingest;
        this.properties = properties;
        this.sink = sink;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "maintenance-monitor"));
        if (!properties.enabled()) {
            log.info("VACUUM FULL / CLUSTER monitor off (schemagov.ingest.maintenance-poll=0)");
            return;
        }
        for (SourceProperties source : ingest.sources()) {
            if (source.isBinlog()) {
                continue; // MariaDB/MySQL: OPTIMIZE TABLE, where it reaches the binlog, arrives as a schema change
            }
            Watch watch = new Watch(source, new MaintenanceReader(source));
            watches.add(watch);
            scheduler.scheduleWithFixedDelay(watch::look, 0, properties.maintenancePoll().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** One source: its reader, the runs already published, and whether it warned about hidden sessions. */
    private final class Watch {
        private final SourceProperties source;
        private final MaintenanceReader reader;
        private final Set<String> published = new HashSet<>();
        private boolean privilegeChecked;
        private boolean warnedHidden;
        private boolean failing;

        Watch(SourceProperties source, MaintenanceReader reader) {
            this.source = source;
            this.reader = reader;
        }

        void look() {
            MaintenanceReader.Runs runs;
            try {
                checkPrivilege();
                runs = reader.read();
                if (failing) {
                    log.info("source '{}': reading pg_stat_progress_cluster again", source.name());
                    failing = false;
                }
            } catch (SQLException | CaptureSetupException e) {
                if (!failing) {
                    log.warn("source '{}': cannot read pg_stat_progress_cluster (tried again every {}): {}",
                            source.name(), properties.maintenancePoll(), e.getMessage());
                    failing = true;
                }
                return;
            }
            if (runs.hidden() > 0 && !warnedHidden) {
                log.warn("source '{}': {} VACUUM FULL / CLUSTER run(s) of other roles are hidden from role '{}'; "
                        + "GRANT {} (or pg_monitor) TO {} to see them", source.name(), runs.hidden(), source.username(),
                        MaintenanceReader.PRIVILEGE, source.username());
                warnedHidden = true;
            }
            Set<String> current = new HashSet<>();
            for (MaintenanceActivity run : runs.visible()) {
                current.add(run.key());
                if (!published.contains(run.key()) && publish(run)) {
                    published.add(run.key());
                }
            }
            published.retainAll(current); // a finished run's key never comes back: pid and start time move on
        }

        private void checkPrivilege() throws SQLException {
            if (!privilegeChecked) {
                if (!reader.seesAllSessions()) {
                    log.warn("source '{}': role '{}' sees only its own sessions in pg_stat_progress_cluster, so "
                            + "VACUUM FULL and CLUSTER run by other roles go unseen: GRANT {} (or pg_monitor) TO {}",
                            source.name(), source.username(), MaintenanceReader.PRIVILEGE, source.username());
                }
                privilegeChecked = true;
            }
        }

        private boolean publish(MaintenanceActivity run) {
            try {
                sink.publish(MaintenanceEvents.of(source.name(), run));
                log.info("source '{}': {} of {} seen (pid {}, role {})", source.name(), run.command(), run.identity(),
                        run.pid(), run.role());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                log.warn("source '{}': cannot publish the {} of {} (tried again at the next look): {}", source.name(),
                        run.command(), run.identity(), e.toString());
                return false;
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        watches.forEach(watch -> watch.reader.close());
        watches.clear();
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
