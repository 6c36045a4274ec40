package org.stackratings.probe;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How probes call member clouds. */
@ConfigMapping(prefix = "stackratings.probe")
public interface ProbeConfig {

    /** Longest wait for a TCP (and TLS) connection to a member's endpoint. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Longest wait for each read of an answer. */
    @WithDefault("PT10S")
    Duration readTimeout();

    /**
     * Longest one call to a member may take in all: connecting, sending, waiting and reading the whole answer (a body
     * trickled a byte at a time ends here). Never more than what remains of the run's deadline.
     */
    @WithDefault("PT20S")
    Duration callTimeout();

    /** Most bytes of an answer's body the agency reads from a member; a longer body is an ERROR, never held in memory. */
    @WithDefault("4M")
    MemorySize maxBodySize();

    /** Most bytes of an answer's headers (at most 256K: OkHttp reads no more). */
    @WithDefault("64K")
    MemorySize maxHeaderSize();

    /** Longest a whole probe run may take; operations still in flight then are TIMEOUT. */
    @WithDefault("PT45S")
    Duration runDeadline();

    /** Threads that execute probe runs (Quartz threads only wait for them, up to the deadline). */
    @WithDefault("32")
    int workers();

    /**
     * The window over which the first runs of newly scheduled probes are spread (by a hash of the member), capped by
     * the probe's interval: at the default api cadence the members' runs fall evenly over the minute instead of all
     * at once; a daily probe still starts within this window (an hour: 1,000 members' daily compliance runs come
     * one every 3.6 s rather than all in a few minutes, each holding a Quartz thread while it runs).
     */
    @WithDefault("PT1H")
    Duration scheduleSpread();

    /**
     * Health: the agency is DOWN (liveness and readiness) when api probes are scheduled and no measurement was stored
     * for this long (five api cadences at the default; keep it above the longest api cadence in use).
     */
    @WithDefault("PT5M")
    Duration stallAfter();

    /** The lifecycle probe: deadlines, polling and the reaper. */
    Lifecycle lifecycle();

    interface Lifecycle {
        /** Longest a server may take from create to ACTIVE before the run records TIMEOUT. */
        @WithDefault("PT5M")
        Duration activeDeadline();

        /** Longest a server may take from delete to gone before the run records TIMEOUT. */
        @WithDefault("PT3M")
        Duration deleteDeadline();

        /** First poll after create or delete; later polls back off by 1.5× up to {@link #pollMax()}. */
        @WithDefault("PT1S")
        Duration pollInitial();

        @WithDefault("PT10S")
        Duration pollMax();

        /** Threads that drive lifecycle runs (each step is one short API call; runs wait between polls without a thread). */
        @WithDefault("4")
        int threads();

        /** Probe servers older than this are deleted by the reaper. */
        @WithDefault("PT30M")
        Duration reaperTtl();

        /** How often the reaper looks for leaked probe servers (a Quarkus scheduler interval). */
        @WithDefault("5m")
        String reaperInterval();
    }

    /**
     * URLs the agency calls to check its own network before blaming a member for a connection failure or
     * timeout. When set and none answers, such failures are recorded INCONCLUSIVE.
     */
    Optional<List<String>> controlUrls();
}
