package org.stackratings.probe;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool that executes probe runs, so that a caller (a Quartz thread or an HTTP request) can
 * stop waiting at the run deadline whatever a cloud does. When the pool is full a run is refused
 * (and recorded INCONCLUSIVE: the agency, not the member, lacked capacity).
 */
@ApplicationScoped
public class ProbeWorkers {

    private final ThreadPoolExecutor pool;

    public ProbeWorkers(ProbeConfig config) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(config.workers(), config.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.workers() * 4), runnable -> {
                    Thread thread = new Thread(runnable, "probe-worker-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** @throws java.util.concurrent.RejectedExecutionException when the pool and its queue are full */
    Future<?> submit(Runnable run) {
        return pool.submit(run);
    }

    /** @throws java.util.concurrent.RejectedExecutionException when the pool and its queue are full */
    void execute(Runnable run) {
        pool.execute(run);
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }
}
