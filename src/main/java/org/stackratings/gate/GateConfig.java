package org.stackratings.gate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** What the gate checks when a request does not say. */
@ConfigMapping(prefix = "stackratings.gate")
public interface GateConfig {

    /** Lowest rating that passes when {@code minRating} is not given (a notch from Aaa to C). */
    @WithDefault("Baa3")
    String defaultMinRating();

    /** Longest time since the rating engine last confirmed a rating when {@code maxAge} is not given. */
    @WithDefault("P1D")
    Duration defaultMaxAge();
}
