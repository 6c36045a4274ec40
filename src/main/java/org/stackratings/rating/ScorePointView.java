package org.stackratings.rating;

import java.time.Instant;

/**
 * One point of a member's score history: the mean score of a step, and the rating, indicated notch, factor scores and
 * methodology version at its end.
 */
public record ScorePointView(Instant from, Double score, Notch rating, Notch indicatedRating, String factors,
                             String methodologyVersion) {
}
