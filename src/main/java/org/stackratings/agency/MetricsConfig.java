package org.stackratings.agency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the agency's gauges that are read from the database are kept up to date. */
@ConfigMapping(prefix = "stackratings.metrics")
public interface MetricsConfig {

    /** How often each instance re-reads the gauges that come from the database (ratings, certificates, outbox, …). */
    @WithDefault("PT30S")
    Duration refreshInterval();
}
