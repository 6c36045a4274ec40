package org.stackratings.rating;

import java.time.Instant;
import java.util.List;

/**
 * A member's published rating with everything that explains it: the notch the scorecard indicates now, outlook,
 * watch, a pending change and how long it has been indicated, factors, caps, coverage and the last action.
 */
public record CurrentRating(String member, String displayName, String region, Notch rating, boolean assured,
                            Notch indicatedRating, Outlook outlook, Watch watch, Pending pending,
                            Double score, Notch scorecardNotch, List<FactorScore> factors, List<CapApplied> caps,
                            Coverage coverage, String notRatedReason, String methodologyVersion,
                            Instant windowStart, Instant windowEnd, Instant effectiveSince, Instant computedAt,
                            List<String> missingServices, ActionView lastAction) {

    /** A different notch indicated since {@code since}; the rating moves once it has held for the hold period. */
    public record Pending(Notch notch, Instant since) {
    }
}
