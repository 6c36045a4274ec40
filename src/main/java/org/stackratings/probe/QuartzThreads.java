package org.stackratings.probe;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Whether Quartz's own threads still run: its scheduler thread (which fires every trigger) and, in a cluster, its
 * cluster manager (which checks the instance in and takes over the triggers of dead instances). Either can die of an
 * error such as OutOfMemoryError while the scheduler still reports itself started, so they are looked for by name
 * ({@code <scheduler name>_QuartzSchedulerThread}, {@code QuartzScheduler_<scheduler name>-<instance id>_ClusterManager}).
 */
final class QuartzThreads {

    private QuartzThreads() {
    }

    static Optional<String> missing(String schedulerName, boolean clustered, Collection<Thread> threads) {
        List<String> wanted = clustered ? List.of("_QuartzSchedulerThread", "_ClusterManager") : List.of("_QuartzSchedulerThread");
        for (String suffix : wanted) {
            boolean alive = threads.stream().anyMatch(t -> t.isAlive() && t.getName().contains(schedulerName)
                    && t.getName().endsWith(suffix));
            if (!alive) {
                return Optional.of("Quartz's " + suffix.substring(1) + " thread is not running");
            }
        }
        return Optional.empty();
    }
}
