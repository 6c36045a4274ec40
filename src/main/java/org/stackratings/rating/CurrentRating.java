package org.stackratings.rating;

import java.time.Instant;
import java.util.List;

/** A member's current rating with everything that explains it. */
public record CurrentRating(String member, String displayName, String region, Notch rating, boolean assured,
                            Double score, Notch scorecardNotch, List<FactorScore> factors, List<CapApplied> caps,
                            Coverage coverage, String notRatedReason, String methodologyVersion,
                            Instant windowStart, Instant windowEnd, Instant effectiveSince, Instant computedAt,
                            List<String> missingServices) {
}
