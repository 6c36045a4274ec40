package org.stackratings.agency;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The one factory of the agency's thread pools: daemon threads named {@code <name>-<n>}, each pool measured
 * (Micrometer's {@code executor.*} metrics, tag {@code name}) and stopped at shutdown (interrupted, then waited for
 * a moment so a run in flight can record that the agency stopped it).
 */
@ApplicationScoped
public class AgencyThreads {

    private static final Logger LOG = Logger.getLogger(AgencyThreads.class);
    /** How long shutdown waits for each pool's interrupted threads to finish. */
    private static final long STOP_WAIT_MILLIS = 2000;

    private final MeterRegistry registry;
    private final List<Pool> pools = new CopyOnWriteArrayList<>();

    private record Pool(String name, ExecutorService executor) {
    }

    public AgencyThreads(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code threads} threads taking tasks from an unbounded queue. */
    public ExecutorService fixed(String name, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), factory(name));
        return register(name, pool);
    }

    /**
     * Up to {@code threads} threads (idle ones end after a minute) and a queue of {@code queue} tasks; a task beyond
     * them is refused ({@link java.util.concurrent.RejectedExecutionException}): the caller records that the agency
     * lacked capacity.
     */
    public ThreadPoolExecutor bounded(String name, int threads, int queue) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), factory(name), new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        register(name, pool);
        return pool;
    }

    /** {@code threads} threads for delayed and periodic tasks. */
    public ScheduledExecutorService scheduled(String name, int threads) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, factory(name));
        pool.setRemoveOnCancelPolicy(true);
        register(name, pool);
        return pool;
    }

    private <E extends ExecutorService> E register(String name, E executor) {
        ExecutorServiceMetrics.monitor(registry, executor, name);
        pools.add(new Pool(name, executor));
        return executor;
    }

    private static ThreadFactory factory(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    void stop(@Observes ShutdownEvent event) {
        pools.forEach(p -> p.executor().shutdownNow());
        for (Pool pool : pools) {
            try {
                if (!pool.executor().awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    LOG.warnf("Pool %s still has threads running after %d ms; they are daemons and end with the JVM",
                            pool.name(), STOP_WAIT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
