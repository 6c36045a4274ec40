package org.stackratings.publish.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How rating actions enter the feed. */
@ConfigMapping(prefix = "stackratings.feed")
public interface FeedConfig {

    /** How often the sequencer gives new rating actions their feed positions (a scheduler interval, or {@code off}). */
    @WithDefault("2s")
    String sequenceInterval();

    /** Most actions sequenced in one transaction; the sequencer loops until none is left. */
    @WithDefault("500")
    int batchSize();
}
