package org.stackratings.rating;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** When the rating engine runs. */
@ConfigMapping(prefix = "stackratings.rating")
public interface RatingConfig {

    /** How often every member is re-rated (a Quarkus scheduler interval such as {@code 60s}). */
    @WithDefault("60s")
    String interval();

    /**
     * Health: the agency is DOWN (liveness and readiness) when members have ratings but none was made for this long
     * (ten passes at the default interval).
     */
    @WithDefault("PT10M")
    Duration stallAfter();

    /** Members rated at once (each in its own transaction). */
    @WithDefault("4")
    int threads();
}
