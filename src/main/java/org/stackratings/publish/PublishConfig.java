package org.stackratings.publish;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How published ratings are cached in memory and by HTTP clients. */
@ConfigMapping(prefix = "stackratings.publish")
public interface PublishConfig {

    /**
     * The longest the in-memory rating view is kept without a local change, so that a node picks up ratings written
     * by another node of the cluster within this time.
     */
    @WithDefault("PT10S")
    Duration refreshInterval();

    /** {@code Cache-Control: max-age} of rating reads (list, detail). */
    @WithDefault("PT30S")
    Duration maxAge();

    /** {@code Cache-Control: max-age} of rating badges. */
    @WithDefault("PT5M")
    Duration badgeMaxAge();
}
