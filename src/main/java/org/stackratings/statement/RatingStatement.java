package org.stackratings.statement;

import java.time.Instant;

/**
 * What a statement says: the member's published rating as the agency last confirmed it.
 *
 * @param watch          null when the rating is not on watch
 * @param effectiveSince when the rating took its current notch
 * @param ratedAt        when the rating engine last confirmed it
 */
public record RatingStatement(String member, String rating, String outlook, String watch, String methodologyVersion,
                              Instant effectiveSince, Instant ratedAt) {
}
