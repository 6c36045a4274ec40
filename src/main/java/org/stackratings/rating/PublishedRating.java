package org.stackratings.rating;

import java.time.Instant;

/**
 * The state of a member's published rating that the stability rules need: the notch, the watch, and the indicated
 * notch waiting to be confirmed ({@code pending}, since when).
 */
public record PublishedRating(Notch notch, Watch watch, Notch pending, Instant pendingSince, Instant lastActionAt) {

    public static final PublishedRating NONE = new PublishedRating(Notch.NR, null, null, null, null);
}
