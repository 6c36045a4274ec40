package org.stackratings.measurement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How probe runs are written, and retention of raw measurements (rollups are kept). */
@ConfigMapping(prefix = "stackratings.measurement")
public interface MeasurementConfig {

    /** Raw measurements older than this are deleted; their hourly rollups stay. */
    @WithDefault("P35D")
    Duration rawRetention();

    /** How often the retention job runs (a Quarkus scheduler interval such as {@code 1h}, or {@code off}). */
    @WithDefault("1h")
    String retentionInterval();

    /**
     * Threads that write probe runs (group commit: each writes whatever runs are waiting in one transaction). One is
     * enough for a few hundred runs a second; a second overlaps one transaction's commit with the next one's work.
     */
    @WithDefault("2")
    int writerThreads();
}
