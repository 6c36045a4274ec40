package org.stackratings.gate;

/** Why the gate denies a member (machine-readable; the decision also carries a sentence for people). */
public enum GateReason {
    /** Rated, but below {@code minRating}. */
    BELOW_THRESHOLD,
    /** On watch for a downgrade ({@code REVIEW_DOWNGRADE}). */
    WATCH_DOWNGRADE,
    /** NR: too little data to rate, or not rated yet. */
    NOT_RATED,
    /** WR: the member was withdrawn. */
    WITHDRAWN,
    /** The rating engine last confirmed the rating longer ago than {@code maxAge}. */
    STALE,
    /**
     * {@code requireCertified} names a guideline and the member holds no valid certificate for it (CERTIFIED or
     * AT_RISK before expiry + grace).
     */
    NOT_CERTIFIED
}
