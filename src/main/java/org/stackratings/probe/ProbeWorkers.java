package org.stackratings.probe;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import org.stackratings.agency.AgencyThreads;

/**
 * The bounded pool that executes probe runs, so that a caller (a Quartz thread or an HTTP request) can
 * stop waiting at the run deadline whatever a cloud does. When the pool is full a run is refused
 * (and recorded INCONCLUSIVE: the agency, not the member, lacked capacity).
 */
@ApplicationScoped
public class ProbeWorkers {

    private final ThreadPoolExecutor pool;

    public ProbeWorkers(ProbeConfig config, AgencyThreads threads) {
        this.pool = threads.bounded("probe-worker", config.workers(), config.workers() * 4);
    }

    /** @throws java.util.concurrent.RejectedExecutionException when the pool and its queue are full */
    Future<?> submit(Runnable run) {
        return pool.submit(run);
    }

    /** @throws java.util.concurrent.RejectedExecutionException when the pool and its queue are full */
    void execute(Runnable run) {
        pool.execute(run);
    }
}
