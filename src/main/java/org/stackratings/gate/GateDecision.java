package org.stackratings.gate;

import org.stackratings.rating.Notch;
import org.stackratings.rating.Outlook;
import org.stackratings.rating.Watch;
import org.stackratings.statement.SignedStatement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The gate's answer for one member: ALLOW when no reason applies, else DENY with every reason that applies.
 *
 * @param rating    the published rating the decision was made on
 * @param statement the signed statement of that rating; null when the member is not rated (NR)
 */
public record GateDecision(String member, Decision decision, List<Reason> reasons, Criteria criteria,
                           RatingSummary rating, SignedStatement statement, Instant evaluatedAt) {

    public enum Decision {
        ALLOW,
        DENY
    }

    /** One reason to deny: a stable code and a sentence. */
    public record Reason(GateReason code, String detail) {
    }

    /**
     * The criteria applied (defaults filled in).
     *
     * @param requireCertified the guideline a valid certificate was required for; null when none was
     */
    public record Criteria(Notch minRating, Duration maxAge, String requireCertified) {
    }

    /**
     * @param ratedAt when the rating engine last confirmed the rating
     * @param age     time since {@code ratedAt}
     */
    public record RatingSummary(Notch rating, boolean assured, Outlook outlook, Watch watch, String methodologyVersion,
                                Instant effectiveSince, Instant ratedAt, Duration age) {
    }
}
