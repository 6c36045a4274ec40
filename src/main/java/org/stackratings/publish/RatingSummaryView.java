package org.stackratings.publish;

import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.Notch;

import java.time.Instant;

/** One line of the public rating list. */
public record RatingSummaryView(String member, String displayName, String region, Notch rating, boolean assured,
                                Double score, Double coverage, String methodologyVersion, Instant effectiveSince,
                                Instant computedAt, String href) {

    static RatingSummaryView of(CurrentRating r) {
        return new RatingSummaryView(r.member(), r.displayName(), r.region(), r.rating(), r.assured(), r.score(),
                r.coverage() == null ? null : r.coverage().share(), r.methodologyVersion(), r.effectiveSince(),
                r.computedAt(), "/api/v1/ratings/" + r.member());
    }
}
