package org.stackratings.agency;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the gauges that are read from the database or the published ratings up to date: features register a refresh
 * under a name, and every instance runs them all on one thread of its own ({@code metrics-refresh}) every
 * {@code stackratings.metrics.refresh-interval}, not in Quartz (each instance exports its own gauges), and never
 * while Prometheus scrapes. A refresh that fails is logged and its gauges keep their last values until the next one.
 */
@ApplicationScoped
public class MeterRefresh {

    private static final Logger LOG = Logger.getLogger(MeterRefresh.class);

    private final Map<String, Runnable> refreshes = new ConcurrentHashMap<>();
    private final AgencyThreads threads;
    private final MetricsConfig config;

    public MeterRefresh(AgencyThreads threads, MetricsConfig config) {
        this.threads = threads;
        this.config = config;
    }

    /** Runs {@code refresh} every refresh interval from the next one on. */
    public void register(String name, Runnable refresh) {
        refreshes.put(name, refresh);
    }

    /** Runs every registered refresh now, on the caller's thread (tests, and the periodic task). */
    public void refreshNow() {
        refreshes.forEach((name, refresh) -> {
            try {
                refresh.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "The %s metrics could not be refreshed; they keep their last values", name);
            }
        });
    }

    void start(@Observes StartupEvent event) {
        long every = config.refreshInterval().toMillis();
        ScheduledExecutorService pool = threads.scheduled("metrics-refresh", 1);
        pool.scheduleWithFixedDelay(this::refreshNow, Math.min(every, 5000), every, TimeUnit.MILLISECONDS);
    }
}
