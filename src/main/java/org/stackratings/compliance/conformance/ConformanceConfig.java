package org.stackratings.compliance.conformance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The conformance run's budget: how long it may take, how long its clean-up may take, its threads. */
@ConfigMapping(prefix = "stackratings.conformance")
public interface ConformanceConfig {

    /** Longest a run's checks may take; capabilities not reached by then are NOT_CHECKED. */
    @WithDefault("PT30M")
    Duration runDeadline();

    /** Longest the run's clean-up may take after its checks (what is left then, the reaper deletes after its TTL). */
    @WithDefault("PT10M")
    Duration cleanupDeadline();

    /** Longest one wait for a state (a server ACTIVE, a volume available, a resource gone). */
    @WithDefault("PT5M")
    Duration longestWait();

    /**
     * How old a run must be before the reaper deletes what it left (a run still running is never reaped before the
     * longest a run takes, run-deadline + cleanup-deadline, has passed).
     */
    @WithDefault("PT1H")
    java.time.Duration reaperTtl();

    /** Runs executed at once by this instance (each holds a thread while it waits). */
    @WithDefault("4")
    int threads();

    /** Runs waiting for a thread; beyond them a run is refused and recorded as the agency's lack of capacity. */
    @WithDefault("64")
    int queue();
}
