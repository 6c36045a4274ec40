package org.stackratings.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one factory of the agency's pools: named daemon threads, measured, bounded where asked, all stopped at shutdown. */
class AgencyThreadsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AgencyThreads threads = new AgencyThreads(registry);

    @Test
    void threadsAreNamedDaemonsAndEveryPoolIsMeasured() throws Exception {
        ExecutorService fixed = threads.fixed("rating-engine", 2);
        Thread thread = fixed.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);

        assertThat(thread.getName()).isEqualTo("rating-engine-1");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(registry.find("executor.completed").tag("name", "rating-engine").functionCounter()).isNotNull();
    }

    @Test
    void aBoundedPoolRefusesWhatExceedsItsThreadsAndQueue() throws Exception {
        ThreadPoolExecutor bounded = threads.bounded("probe-worker", 1, 1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        bounded.execute(() -> {
            running.countDown();
            await(release);
        });
        running.await(5, TimeUnit.SECONDS);
        bounded.execute(() -> { });

        assertThatThrownBy(() -> bounded.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
    }

    @Test
    void shutdownInterruptsAndStopsEveryPool() throws Exception {
        ExecutorService fixed = threads.fixed("webhook-delivery", 1);
        ScheduledExecutorService scheduled = threads.scheduled("lifecycle-probe", 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        fixed.execute(() -> {
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        scheduled.schedule(() -> { }, 1, TimeUnit.HOURS);
        running.await(5, TimeUnit.SECONDS);

        threads.stop(null);

        assertThat(interrupted.getCount()).isZero();
        assertThat(fixed.isTerminated()).isTrue();
        assertThat(scheduled.isTerminated()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
