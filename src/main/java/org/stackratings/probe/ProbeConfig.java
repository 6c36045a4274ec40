package org.stackratings.probe;

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

    /** Longest a whole probe run may take; operations still in flight then are TIMEOUT. */
    @WithDefault("PT45S")
    Duration runDeadline();

    /** Threads that execute probe runs (Quartz threads only wait for them, up to the deadline). */
    @WithDefault("32")
    int workers();

    /**
     * URLs the agency calls to check its own network before blaming a member for a connection failure or
     * timeout. When set and none answers, such failures are recorded INCONCLUSIVE.
     */
    Optional<List<String>> controlUrls();
}
