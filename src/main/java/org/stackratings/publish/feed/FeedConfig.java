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

    /**
     * How long after an action id was seen committed every transaction that could still commit a lower id has surely
     * ended; the sequencer stops looking below that id then. Must exceed the transaction timeout
     * ({@code quarkus.transaction-manager.default-transaction-timeout}, 60 s); the start-up refuses a shorter one.
     */
    @WithDefault("PT10M")
    java.time.Duration settle();

    /** How often the sequencer also looks at all actions, below the settled id too (a safety net; it costs a full scan). */
    @WithDefault("PT1H")
    java.time.Duration fullScanInterval();
}
