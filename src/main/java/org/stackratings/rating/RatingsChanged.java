package org.stackratings.rating;

import java.time.Instant;

/** CDI event fired after a re-rating pass has committed: readers holding ratings in memory refresh them. */
public record RatingsChanged(Instant asOf, int rated) {
}
