package org.stackratings.rating;

import java.time.Instant;

/** One point of a member's score history: the mean score of a step, and the rating and indicated notch at its end. */
public record ScorePointView(Instant from, Double score, Notch rating, Notch indicatedRating, String factors) {
}
