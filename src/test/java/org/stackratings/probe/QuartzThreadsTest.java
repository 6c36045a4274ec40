package org.stackratings.probe;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class QuartzThreadsTest {

    private static Thread parked(String name, CountDownLatch release) {
        Thread thread = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void findsQuartzsThreadsByTheirNamesAndMissesDeadOnes() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread scheduler = parked("QuarkusQuartzScheduler_QuartzSchedulerThread", release);
        Thread cluster = parked("QuartzScheduler_QuarkusQuartzScheduler-host1700000000_ClusterManager", release);
        Thread other = parked("OtherScheduler_QuartzSchedulerThread", release);
        try {
            assertThat(QuartzThreads.missing("QuarkusQuartzScheduler", true, List.of(scheduler, cluster))).isEmpty();
            assertThat(QuartzThreads.missing("QuarkusQuartzScheduler", false, List.of(scheduler))).isEmpty();
            assertThat(QuartzThreads.missing("QuarkusQuartzScheduler", true, List.of(scheduler)))
                    .contains("Quartz's ClusterManager thread is not running");
            assertThat(QuartzThreads.missing("QuarkusQuartzScheduler", false, List.of(other, cluster)))
                    .contains("Quartz's QuartzSchedulerThread thread is not running");
        } finally {
            release.countDown();
        }
        scheduler.join();
        assertThat(QuartzThreads.missing("QuarkusQuartzScheduler", false, List.of(scheduler)))
                .as("a thread that ended is not running").isPresent();
    }
}
