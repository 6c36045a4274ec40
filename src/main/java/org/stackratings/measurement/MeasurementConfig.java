package org.stackratings.measurement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Retention of raw measurements (hourly rollups are kept). */
@ConfigMapping(prefix = "stackratings.measurement")
public interface MeasurementConfig {

    /** Raw measurements older than this are deleted; their hourly rollups stay. */
    @WithDefault("P35D")
    Duration rawRetention();

    /** How often the retention job runs (a Quarkus scheduler interval such as {@code 1h}, or {@code off}). */
    @WithDefault("1h")
    String retentionInterval();
}
