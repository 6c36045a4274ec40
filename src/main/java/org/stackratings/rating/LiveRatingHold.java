package org.stackratings.rating;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the scheduled rating engine while history is replayed ({@link RatingEngine#rateAll(java.time.Instant)} over
 * past instants, oldest first): a rating made at "now" in between would put a present state before past ones, and
 * the stability rules and the append-only actions need instants in order. Only the scheduled run is held; probes
 * go on measuring.
 */
@ApplicationScoped
public class LiveRatingHold {

    private final AtomicReference<String> reason = new AtomicReference<>();

    /** Holds scheduled rating until {@link #release()}; {@code why} is logged by the engine while it skips. */
    public void hold(String why) {
        reason.set(why);
    }

    public void release() {
        reason.set(null);
    }

    /** Why scheduled rating is held, or null when it runs. */
    public String reason() {
        return reason.get();
    }
}
