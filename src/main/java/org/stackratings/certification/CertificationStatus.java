package org.stackratings.certification;

/**
 * Where a member stands for one guideline and target. CERTIFIED and AT_RISK both count as certified until the
 * certificate lapses (expiry + grace); LAPSED and NOT_CERTIFIED do not.
 */
public enum CertificationStatus {
    /** The latest conclusive run passed; valid until its expiry (and counted until expiry + grace). */
    CERTIFIED,
    /** A run failed after the certificate was issued: still valid until it lapses, unless a passing run restores it. */
    AT_RISK,
    /** Expiry + grace passed without a passing run renewing the certificate. */
    LAPSED,
    /** Runs were seen but none has passed yet. */
    NOT_CERTIFIED;

    /** Whether a certificate in this status counts as certified (before its lapse time). */
    public boolean counts() {
        return this == CERTIFIED || this == AT_RISK;
    }
}
